package org.actiontriggers.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.actiontriggers.outbox.DeliveryStatistics;

/**
 * Counts of the outbox by state and the latency of recent deliveries, read in one pass and kept for
 * {@value #FRESH_SECONDS} seconds, so a scrape of every gauge costs two queries at most.
 */
@ApplicationScoped
public class OutboxFigures {

    private static final Logger LOG = Logger.getLogger(OutboxFigures.class.getName());
    static final int FRESH_SECONDS = 5;
    static final Duration LATENCY_WINDOW = Duration.ofMinutes(5);
    private static final int LATENCY_SAMPLE = 1000;

    /**
     * One reading.
     *
     * @param byState deliveries per state; {@code RETRYING} counts pending ones with a failed round
     * @param latencies seconds from change to success of deliveries that succeeded in the window, sorted
     */
    record Reading(Instant at, Map<String, Long> byState, List<Double> latencies) {

        long count(String state) {
            return byState.getOrDefault(state, 0L);
        }

        double latencyQuantile(double q) {
            if (latencies.isEmpty()) {
                return 0;
            }
            int index = (int) Math.ceil(q * latencies.size()) - 1;
            return latencies.get(Math.max(0, Math.min(latencies.size() - 1, index)));
        }
    }

    @Inject
    DeliveryStatistics statistics;

    private volatile Reading last = new Reading(Instant.EPOCH, Map.of(), List.of());

    /** The latest reading, read again when older than {@value #FRESH_SECONDS} seconds. */
    public Reading current() {
        Reading reading = last;
        if (reading.at().isAfter(Instant.now().minusSeconds(FRESH_SECONDS))) {
            return reading;
        }
        synchronized (this) {
            if (last.at().isAfter(Instant.now().minusSeconds(FRESH_SECONDS))) {
                return last;
            }
            try {
                last = read();
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "Could not read the outbox figures; the metrics keep the previous ones", e);
            }
            return last;
        }
    }

    private Reading read() throws SQLException {
        Instant now = Instant.now();
        Map<String, Long> byState = statistics.countByState();
        List<Double> latencies = new ArrayList<>(statistics.latenciesSince(now.minus(LATENCY_WINDOW), LATENCY_SAMPLE));
        Collections.sort(latencies);
        return new Reading(now, Map.copyOf(byState), List.copyOf(latencies));
    }
}
