package io.unlearn.cli;

import io.unlearn.ingest.IngestConfig;
import io.unlearn.ingest.IngestService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code unlearn ingest}: runs the request-ingest service (Streams topology + HTTP API) until Ctrl-C. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Runs request-ingest: validates, de-duplicates and resolves requests; serves the HTTP API. Keys (--config, --set): IngestConfig.")
final class IngestCommand implements Callable<Integer> {
    @Mixin
    ServiceSettings settings;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, Object> props = settings.props();
        String generatedToken = null;
        if (!props.containsKey(IngestConfig.HTTP_TOKENS) && !"false".equals(props.get(IngestConfig.HTTP_ENABLED))) {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            generatedToken = HexFormat.of().formatHex(random);
            props.put(IngestConfig.HTTP_TOKENS, "local=" + generatedToken);
        }
        IngestService service = IngestService.start(IngestConfig.of(props), Clock.systemUTC(), Duration.ofSeconds(120));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "unlearn-ingest-shutdown"));
        System.out.println("request-ingest running" + service.httpPort().stream()
                .mapToObj(p -> ": http://" + props.getOrDefault(IngestConfig.HTTP_HOST, "127.0.0.1") + ":" + p).findFirst().orElse(""));
        if (generatedToken != null) {
            System.out.println("bearer token for requester 'local' (generated; set http.auth.tokens to choose): " + generatedToken);
        }
        System.out.flush();
        stopped.await();
        return 0;
    }
}
