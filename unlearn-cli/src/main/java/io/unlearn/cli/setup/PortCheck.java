package io.unlearn.cli.setup;

import io.unlearn.stack.LocalStackAddresses;
import io.unlearn.stack.StackException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/** The doctor's port check: can loopback ports be bound, and are the local stack's remembered ports free. */
public final class PortCheck {

    private PortCheck() {
    }

    /**
     * Whether loopback ports can be bound, and whether the ports the local stack remembered in {@code stackDir} are free
     * or, if not, held by the running stack itself ({@code stackRunning}).
     */
    public static Check check(Path stackDir, boolean stackRunning, IntPredicate free) {
        if (!free.test(0)) {
            return Check.missing("ports", "cannot bind a port on 127.0.0.1", "allow listening on the loopback interface");
        }
        SortedMap<String, Integer> remembered = remembered(stackDir);
        if (remembered.isEmpty()) {
            return Check.ok("ports", "127.0.0.1 binds; no local stack under " + stackDir + " yet (it picks free ports)");
        }
        List<String> used = remembered.entrySet().stream().filter(e -> !free.test(e.getValue()))
                .map(e -> e.getKey() + "=" + e.getValue()).toList();
        String all = remembered.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        if (used.isEmpty()) {
            return Check.ok("ports", "127.0.0.1 binds; the stack's ports are free (" + all + ")");
        }
        if (stackRunning) {
            return Check.ok("ports", "in use by the running local stack (" + all + ")");
        }
        return Check.warn("ports", "in use by another process: " + String.join(" ", used) + " (remembered in " + stackDir + ")",
                "stop that process, or delete " + stackDir + " so that `./unlearn stack up` picks new ports");
    }

    /** Whether {@code port} (0: any) can be bound on 127.0.0.1 right now. */
    public static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static SortedMap<String, Integer> remembered(Path stackDir) {
        try {
            return LocalStackAddresses.rememberedPorts(stackDir);
        } catch (StackException unreadable) {
            return new TreeMap<>(); // the stack itself reports a broken file when it starts
        }
    }
}
