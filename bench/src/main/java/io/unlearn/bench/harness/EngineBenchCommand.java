package io.unlearn.bench.harness;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * An engine benchmark's subcommand (methods, concepts, worstcase): the engine options ({@code --quick}, data,
 * device, base-model cache) and where the result goes, named after the subcommand
 * ({@code bench-out/<name>.json} unless {@code --out} says otherwise). The subclass adds its own options and runs
 * its benchmark with {@link BenchRuns#engine}.
 */
public abstract class EngineBenchCommand implements Callable<Integer> {
    @Mixin
    private EngineOptions engine = new EngineOptions();

    @Mixin
    private OutputOptions output;

    /** @param name the subcommand's name, which names the result file */
    protected EngineBenchCommand(String name) {
        this.output = new OutputOptions(name);
    }

    /** @return data, device, cache and quick mode */
    public EngineOptions engine() {
        return engine;
    }

    /** @return where the result goes */
    public OutputOptions output() {
        return output;
    }

    /** @return quick mode */
    public boolean quick() {
        return engine.quick();
    }
}
