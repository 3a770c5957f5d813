package io.unlearn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LogFileTest {

    @AfterEach
    void backToTheConsoleConfiguration() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void everyLogLineGoesToTheFileAndNoneToTheConsole(@TempDir Path dir) throws Exception {
        PrintStream console = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Path file;
        try {
            file = LogFile.redirectTo(dir.resolve("logs/demo.log"));
            LoggerFactory.getLogger("io.unlearn.worker.WorkerLoop").info("a batch of {} request(s)", 3);
            LoggerFactory.getLogger("org.apache.kafka.streams.StreamsConfig").warn("a Kafka warning");
            LoggerFactory.getLogger("org.apache.kafka.clients.consumer.ConsumerConfig").info("Kafka's INFO chatter");
            LoggerFactory.getLogger("ai.djl.util.cuda.CudaUtils").warn("Failed to detect GPU count");
        } finally {
            System.setErr(console);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(file).isEqualTo(dir.resolve("logs/demo.log").toAbsolutePath());
        assertThat(Files.readString(file)).contains("INFO  [main] WorkerLoop - a batch of 3 request(s)").contains("WARN  [main] StreamsConfig")
                .as("levels as on the console: Kafka from WARN, DJL's CUDA probe only from ERROR")
                .doesNotContain("Kafka's INFO chatter").doesNotContain("GPU count");
    }
}
