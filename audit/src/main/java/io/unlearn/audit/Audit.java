package io.unlearn.audit;

import io.unlearn.audit.internals.AllChecks;
import io.unlearn.audit.internals.AuditLogReader;
import java.time.Duration;

/**
 * Audit replay: reads the whole event log of a cluster and verifies what was forgotten, when, how and how well
 * (request lifecycles, deadlines, the lineage hash chain, who signed each version and report, artifact hashes,
 * exactly-once application, evaluation reports, excluded-sample digests). The verdict depends on the log only, never on the wall clock, so replaying the
 * same log gives the same result.
 * <pre>{@code
 * AuditResult result = Audit.replay(AuditOptions.custom().setBootstrapServers(servers).setRegistryUrl(registryUrl).build());
 * AuditReport.html().write(result, Path.of("audit.html"));
 * boolean ok = result.verified();
 * }</pre>
 */
public final class Audit {

    private Audit() {
    }

    /**
     * Reads the audited topics from the beginning to their current end (committed records only, no consumer group:
     * nothing is written to the cluster) and runs every check on the records of the selected models.
     *
     * @throws AuditException when the cluster cannot be read
     */
    public static AuditResult replay(AuditOptions options) {
        AuditLog log = AuditLogReader.read(options.clientProps(), options.registry()).forModels(options::audits);
        return verify(log, options.reportGrace(), options.signers());
    }

    /**
     * Runs every check on a log already read (or built by hand, in tests).
     *
     * @param reportGrace how long after its publication a version may lack an evaluation report before that is a
     *                    failure, counted back from the newest record of {@code log}
     */
    public static AuditResult verify(AuditLog log, Duration reportGrace) {
        return verify(log, reportGrace, AuditSigners.none());
    }

    /**
     * As {@link #verify(AuditLog, Duration)}, with every version's and report's signature checked against {@code signers}
     * (a kind of event without trusted keys is not checked, and a warning says so).
     */
    public static AuditResult verify(AuditLog log, Duration reportGrace, AuditSigners signers) {
        return AllChecks.run(log, reportGrace, signers);
    }
}
