package dev.farthing.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {

    @Test
    void rendersFractionSizesRateAndEta() {
        ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), "verifying", ProgressBar.Unit.BYTES, "",
                false);
        String line = bar.render(512L << 20, 1L << 30, 2_000_000_000L);
        assertThat(line).startsWith("verifying [==============>").contains(" 50.0%", "512.0 MiB / 1.0 GiB",
                "256.0 MiB/s", "ETA 0:02");
    }

    @Test
    void countsUseTheNounAndUnknownTotalsShowNoBar() {
        ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), "replaying", ProgressBar.Unit.COUNT,
                "batches", false);
        assertThat(bar.render(1_234, 0, 1_000_000_000L)).isEqualTo("replaying 1,234 batches  1,234 batches/s  0:01");
    }

    @Test
    void withoutATerminalItPrintsOneLinePerTenthAndAFinalLine() {
        StringWriter sink = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(sink), "verifying", ProgressBar.Unit.BYTES, "", false);
        for (long done = 0; done <= 1000; done += 5) {
            bar.update(done, 1000);
        }
        bar.finish();
        assertThat(sink.toString().lines()).hasSize(11).allMatch(l -> l.startsWith("verifying ["));
        assertThat(sink.toString()).doesNotContain("\r");
    }

    @Test
    void onATerminalItRedrawsInPlace() {
        StringWriter sink = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(sink), "verifying", ProgressBar.Unit.BYTES, "", true);
        bar.update(10, 100);
        bar.finish();
        assertThat(sink.toString()).startsWith("\rverifying [").endsWith(System.lineSeparator()).contains("100 B");
    }

    @Test
    void humanSizes() {
        assertThat(ProgressBar.humanBytes(1023)).isEqualTo("1023 B");
        assertThat(ProgressBar.humanBytes(1536)).isEqualTo("1.5 KiB");
        assertThat(ProgressBar.duration(3725)).isEqualTo("1:02:05");
    }
}
