package io.unlearn.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.unlearn.events.ModelVersionKind;
import io.unlearn.events.RequestState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoProgressViewTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void plainLinesOnlyWhenSomethingChangedAndNotMoreOftenThanTheInterval() {
        DemoProgressView view = DemoProgressView.plain(out);
        view.update(status("publishing 1/9", 1, 0));
        view.update(status("publishing 2/9", 1, 0));
        view.update(status("publishing 3/9", 2, 0));
        view.finish(status("every request final", 3, 1));
        view.finish(status("challenges done", 3, 1));
        assertThat(text().lines()).as("the first status, then the last one (unchanged later statuses and changes within 10 s are left out)")
                .hasSize(2);
        assertThat(text()).doesNotContain("\033[").contains("[0:05 publishing 1/9] requests ACCEPTED 1")
                .contains("[0:05 every request final] requests ACCEPTED 3 | versions BASE 1 | verdicts CERTIFIED 1");
    }

    @Test
    void liveRedrawsTheBlockInPlaceAndKeepsNotesAboveIt() {
        DemoProgressView view = DemoProgressView.live(out);
        view.update(status("publishing 1/9", 1, 0));
        view.update(status("publishing 2/9", 2, 0));
        view.note("  worker stopped; restarting it");
        view.finish(status("every request final", 3, 1));
        String[] draws = text().split("\033\\[5A\r\033\\[J", -1);
        assertThat(draws).as("two redraws of a five-line block").hasSize(3);
        assertThat(draws[2]).startsWith("  worker stopped; restarting it\n  requests    9: ACCEPTED 3");
        assertThat(status("x", 1, 0).block()).hasSize(5).allMatch(l -> l.length() < 80);
    }

    private static DemoStatus status(String phase, int accepted, int certified) {
        return new DemoStatus(phase, Duration.ofSeconds(5), 9, Map.of(RequestState.ACCEPTED, accepted), Map.of(ModelVersionKind.BASE, 1),
                certified == 0 ? Map.of() : Map.of("CERTIFIED", certified), certified == 0 ? 1 : 0, 0, 0);
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
