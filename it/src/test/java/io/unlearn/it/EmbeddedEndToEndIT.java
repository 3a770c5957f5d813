package io.unlearn.it;

import io.unlearn.cli.demo.DemoChaos;
import io.unlearn.cli.demo.DemoCluster;
import io.unlearn.stack.LocalStack;
import io.unlearn.stack.LocalStackExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The scenario on the embedded stack (in-process KRaft broker, Apicurio registry): always runs. */
@ExtendWith(LocalStackExtension.class)
class EmbeddedEndToEndIT extends EndToEndScenario {

    @Test
    void requestsInCertifiedVersionsOutAndTheAuditVerifies(LocalStack stack, @TempDir Path dir) throws Exception {
        assertVerified(run(new DemoCluster(stack.bootstrapServers(), stack.registryUrl(), stack::restartBroker), "e2e-embedded", dir,
                false, DemoChaos.NONE));
    }
}
