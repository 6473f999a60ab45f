package org.actiontriggers.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.actiontriggers.outbox.DestinationFigures;
import org.actiontriggers.outbox.DestinationRef;
import org.actiontriggers.outbox.FigureWindow;
import org.actiontriggers.outbox.Figures;

/**
 * The endpoint health overview ({@code /action-triggers/console/health.xhtml}): every destination — each
 * webhook, each broker defined in the settings, and any other the policy holds a state for or the outbox attempted
 * in the last day
 * — with its state and its last day in figures and a sparkline.
 */
@Named
@ViewScoped
public class HealthBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DestinationFigures figures;

    @Inject
    HealthStates states;

    private transient List<Row> rows;

    /** One destination as listed. */
    public record Row(DestinationRef ref, String name, HealthStates.State state, Figures day, String sparkline)
            implements Serializable {

        /** The query of its page: {@code webhook=12} or {@code broker=it-rabbit}. */
        public String getQuery() {
            return (ref.isWebhook() ? "webhook=" : "broker=")
                    + java.net.URLEncoder.encode(ref.id(), java.nio.charset.StandardCharsets.UTF_8);
        }

        public String getKind() {
            return ref.isWebhook() ? "webhook" : "broker";
        }
    }

    public List<Row> getRows() {
        if (rows == null) {
            Instant now = Instant.now();
            Map<DestinationRef, Figures> day = figures.all(FigureWindow.DAY, now);
            Map<DestinationRef, HealthStates.Entry> known = new LinkedHashMap<>();
            states.all().forEach(e -> known.put(e.ref(), e));
            day.keySet().stream()
                    .filter(r -> !known.containsKey(r))
                    .forEach(r -> known.put(r, new HealthStates.Entry(r, null, HealthStates.State.HEALTHY)));
            List<Row> list = new ArrayList<>();
            int i = 0;
            for (HealthStates.Entry e : known.values()) {
                Figures f = day.getOrDefault(e.ref(), Figures.of(FigureWindow.DAY, now, List.of(), false));
                list.add(new Row(
                        e.ref(),
                        e.address() == null ? "(no longer configured)" : e.address(),
                        e.state(),
                        f,
                        HealthCharts.sparkline("spark-" + i++, f)));
            }
            rows = list;
        }
        return rows;
    }
}
