package io.unlearn.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class GroupAssignmentTest {

    @Test
    void everyLineWrittenIsReadBackInOrderAmongOtherLogLines() {
        String log = "10:00:01 INFO  WorkerLoop - " + GroupAssignment.format(1, new TreeSet<>(List.of(2, 0))) + "\n"
                + "10:00:02 INFO  WorkerLoop - m0: batch of 3 request(s) -> m0-v2\n"
                + "10:00:03 INFO  WorkerLoop - Partitions revoked\n"
                + "10:00:04 INFO  WorkerLoop - " + GroupAssignment.format(3, new TreeSet<>()) + "\n"
                + "10:00:05 INFO  WorkerLoop - " + GroupAssignment.format(4, new TreeSet<>(List.of(11))) + "\n";

        assertThat(GroupAssignment.parse(log)).containsExactly(
                new GroupAssignment(1, new TreeSet<>(List.of(0, 2))),
                new GroupAssignment(3, new TreeSet<>()),
                new GroupAssignment(4, new TreeSet<>(List.of(11))));
    }

    @Test
    void aLogWithoutAssignmentsHasNone() {
        assertThat(GroupAssignment.parse("")).isEmpty();
        assertThat(GroupAssignment.parse("Partitions assigned somewhere else: [1]")).isEmpty();
    }
}
