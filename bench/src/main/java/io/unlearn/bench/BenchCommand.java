package io.unlearn.bench;

import io.unlearn.bench.concepts.ConceptsOptions;
import io.unlearn.bench.evaluator.EvaluatorCommand;
import io.unlearn.bench.gate.GateOptions;
import io.unlearn.bench.ingest.IngestCommand;
import io.unlearn.bench.methods.MethodsOptions;
import io.unlearn.bench.pipeline.PipelineCommand;
import io.unlearn.bench.scale.ScaleCommand;
import io.unlearn.bench.challenge.ChallengeOptions;
import io.unlearn.bench.training.TrainingOptions;
import io.unlearn.bench.worstcase.WorstCaseOptions;
import picocli.CommandLine.Command;

/**
 * {@code unlearn bench …}: every benchmark as a typed subcommand. Each prints its figures, writes its result as
 * JSON ({@code --out}) and replaces its own section of docs/BENCHMARKS.md ({@code --markdown FILE|none}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks: each prints its figures, writes them as JSON (--out) and replaces its own section"
                + " of docs/BENCHMARKS.md (--markdown FILE|none).",
            "Engine benchmarks (methods, concepts, worstcase, challenge, gate, training) take --quick, --data, --device and --cache; streaming"
                    + " benchmarks (ingest, pipeline, evaluator, scale) start a fresh local stack of their own."},
        subcommands = {MethodsOptions.class, ConceptsOptions.class, WorstCaseOptions.class, ChallengeOptions.class, GateOptions.class, TrainingOptions.class, IngestCommand.class,
            PipelineCommand.class, EvaluatorCommand.class, ScaleCommand.class})
public final class BenchCommand {
}
