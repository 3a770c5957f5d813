package io.unlearn.cli.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One line per check, a verdict, and exit 0 exactly when every required check is ok. */
class DoctorReportTest {
    private static final Check JAVA = Check.ok("java", "17.0.15 running");
    private static final Check DISK = Check.warn("disk", "1.0 GiB free under /w", "free at least 2 GiB");
    private static final Check DATASET = Check.missing("dataset", "no directory /d", "run `apt-get install -y dataset-fashion-mnist`");

    @Test
    void eachCheckIsOneAlignedLineWithItsFix() {
        assertThat(JAVA.line()).isEqualTo("ok       java              17.0.15 running");
        assertThat(DATASET.line()).isEqualTo("missing  dataset           no directory /d  -> fix: run `apt-get install -y dataset-fashion-mnist`");
    }

    @Test
    void warningsNeverFailTheDoctor() {
        DoctorReport report = new DoctorReport(List.of(JAVA, DISK));
        assertThat(report.exitCode()).isZero();
        assertThat(report.text()).endsWith("doctor: ready: every required check is ok (1 warning)\n");
    }

    @Test
    void aMissingRequiredCheckExitsOneAndIsNamedInTheVerdict() {
        DoctorReport report = new DoctorReport(List.of(JAVA, DATASET, DISK));
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.text().lines()).hasSize(4).last()
                .isEqualTo("doctor: 1 required check failed: dataset (1 warning)");
    }
}
