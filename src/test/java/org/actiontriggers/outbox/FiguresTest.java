package org.actiontriggers.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiguresTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void theWindowIsCutIntoBucketsOldestFirst() {
        Figures hour = Figures.of(
                FigureWindow.HOUR,
                NOW,
                List.of(sample("11:00:00", true, 10), sample("11:04:59", false, 30), sample("11:59:59", true, 20)),
                false);

        assertThat(hour.buckets()).hasSize(12);
        assertThat(hour.buckets().get(0).start()).isEqualTo(Instant.parse("2026-11-30T11:00:00Z"));
        assertThat(hour.buckets().get(0).succeeded()).isEqualTo(1);
        assertThat(hour.buckets().get(0).failed()).isEqualTo(1);
        assertThat(hour.buckets().get(0).successRate()).isEqualTo(0.5);
        assertThat(hour.buckets().get(11).volume()).isEqualTo(1);
        assertThat(hour.buckets().get(5).successRate()).isNull();
        assertThat(hour.buckets().get(5).p50Millis()).isNull();
        assertThat(hour.volume()).isEqualTo(3);
        assertThat(hour.successRate()).isEqualTo(2 / 3.0);
    }

    @Test
    void samplesOutsideTheWindowAreLeftOut() {
        Figures hour = Figures.of(
                FigureWindow.HOUR, NOW, List.of(sample("10:59:59", true, 10), sample("12:00:00", true, 10)), false);
        assertThat(hour.volume()).isZero();
        assertThat(hour.successRate()).isNull();
        assertThat(hour.p50Millis()).isNull();
    }

    @Test
    void percentilesAreNearestRank() {
        List<Figures.Sample> samples = new ArrayList<>();
        for (int ms = 1; ms <= 200; ms++) {
            samples.add(new Figures.Sample(NOW.minusSeconds(ms), ms % 10 != 0, ms));
        }
        Figures day = Figures.of(FigureWindow.DAY, NOW, samples, false);
        assertThat(day.p50Millis()).isEqualTo(100);
        assertThat(day.p99Millis()).isEqualTo(198);
        assertThat(day.failed()).isEqualTo(20);
        assertThat(Figures.percentile(new long[] {7}, 99)).isEqualTo(7);
        assertThat(Figures.percentile(new long[] {1, 2}, 50)).isEqualTo(1);
        assertThat(Figures.percentile(new long[0], 50)).isNull();
    }

    @Test
    void aWeekHasTwentyEightQuartersOfADay() {
        Figures week = Figures.of(
                FigureWindow.WEEK,
                NOW,
                List.of(new Figures.Sample(NOW.minus(FigureWindow.WEEK.length()), false, 5)),
                true);
        assertThat(week.buckets()).hasSize(28);
        assertThat(week.buckets().get(0).failed()).isEqualTo(1);
        assertThat(week.truncated()).isTrue();
        assertThat(FigureWindow.DAY.buckets()).isEqualTo(24);
    }

    private static Figures.Sample sample(String time, boolean ok, long latency) {
        return new Figures.Sample(Instant.parse("2026-11-30T" + time + "Z"), ok, latency);
    }
}
