package io.unlearn.stack.internals;

import io.unlearn.stack.StackException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The stack's ports, chosen once and remembered in {@code <dataDir>/ports.properties}: the KRaft voter
 * list records the controller port at format time, so a restart on the same data dir must reuse it;
 * keeping the others stable lets clients reconnect after a restart.
 */
public final class StackPorts {
    private static final String FILE = "ports.properties";
    private final Path file;
    private final Properties values = new Properties();

    private StackPorts(Path file) {
        this.file = file;
    }

    /** Loads the remembered ports of {@code dataDir} (none when the stack never ran there). */
    public static StackPorts load(Path dataDir) {
        StackPorts ports = new StackPorts(dataDir.resolve(FILE));
        if (Files.exists(ports.file)) {
            try (InputStream in = Files.newInputStream(ports.file)) {
                ports.values.load(in);
            } catch (IOException e) {
                throw new StackException("Cannot read " + ports.file + ": " + e.getMessage()
                        + "; delete the file to let the stack choose new ports (the broker data must go too)", e);
            }
        }
        return ports;
    }

    /**
     * The port for {@code name}: the requested one when non-zero, else the remembered one, else a free
     * loopback port. A requested port that differs from a remembered controller port is refused.
     */
    public int resolve(String name, int requested) {
        String remembered = values.getProperty(name);
        if (requested != 0) {
            if ("controller".equals(name) && remembered != null && Integer.parseInt(remembered) != requested) {
                throw new StackException("The data dir was formatted with controller port " + remembered
                        + " but " + requested + " was requested: keep " + remembered + " or use a fresh data dir");
            }
            values.setProperty(name, Integer.toString(requested));
            return requested;
        }
        if (remembered != null) {
            return Integer.parseInt(remembered);
        }
        int port = freePort();
        values.setProperty(name, Integer.toString(port));
        return port;
    }

    /** Drops a remembered port that no part of the stack uses any more. */
    public void forget(String name) {
        values.remove(name);
    }

    /** Every remembered port by name (broker, controller, registry, ...), in name order; non-numeric entries are left out. */
    public SortedMap<String, Integer> remembered() {
        SortedMap<String, Integer> ports = new TreeMap<>();
        for (String name : values.stringPropertyNames()) {
            try {
                ports.put(name, Integer.parseInt(values.getProperty(name).trim()));
            } catch (NumberFormatException notAPort) {
                // resolve() reports a broken entry when the stack starts
            }
        }
        return ports;
    }

    public void save() {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                values.store(out, "ports of the local unlearn stack; the controller port must not change");
            }
        } catch (IOException e) {
            throw new StackException("Cannot write " + file + ": " + e.getMessage() + "; check the data dir is writable", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StackException("Cannot find a free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }
}
