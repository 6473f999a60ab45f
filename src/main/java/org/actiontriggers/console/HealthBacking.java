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
import org.actiontriggers.trigger.Config;
import org.actiontriggers.trigger.ConfigService;
import org.actiontriggers.trigger.Page;

/**
 * The endpoint health overview ({@code /action-triggers/console/health.xhtml}): every destination — each
 * webhook of a trigger, each broker a trigger publishes to, and any other the outbox attempted in the last day
 * — with its state and its last day in figures and a sparkline.
 */
@Named
@ViewScoped
public class HealthBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ConfigService configs;

    @Inject
    DestinationFigures figures;

    @Inject
    DestinationStates states;

    private transient List<Row> rows;

    /** One destination as listed. */
    public record Row(DestinationRef ref, String name, DestinationStates.State state, Figures day, String sparkline)
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
            Map<DestinationRef, String> names = names(configs);
            Map<DestinationRef, Figures> day = figures.all(FigureWindow.DAY, now);
            Map<DestinationRef, DestinationStates.State> stateOf = states.all();
            List<DestinationRef> all = new ArrayList<>(names.keySet());
            day.keySet().stream().filter(r -> !names.containsKey(r)).forEach(all::add);
            stateOf.keySet().stream().filter(r -> !all.contains(r)).forEach(all::add);
            List<Row> list = new ArrayList<>();
            int i = 0;
            for (DestinationRef ref : all) {
                Figures f = day.getOrDefault(ref, Figures.of(FigureWindow.DAY, now, List.of(), false));
                list.add(new Row(
                        ref,
                        names.getOrDefault(ref, ref.describe()),
                        stateOf.getOrDefault(ref, DestinationStates.State.HEALTHY),
                        f,
                        HealthCharts.sparkline("spark-" + i++, f)));
            }
            rows = list;
        }
        return rows;
    }

    /**
     * What each destination the triggers send to is called: a webhook by its method and URL, a broker by its
     * name; in the order of the triggers.
     */
    static Map<DestinationRef, String> names(ConfigService configs) {
        Map<DestinationRef, String> names = new LinkedHashMap<>();
        int page = 1;
        while (true) {
            Page<Config> found = configs.list(null, null, page++, 100);
            for (Config config : found.items()) {
                config.getWebhooks()
                        .forEach(w -> names.putIfAbsent(
                                DestinationRef.webhook(w.getId()), w.getHttpMethod() + " " + w.getUrl()));
                config.getBrokerQueues()
                        .forEach(q -> names.putIfAbsent(DestinationRef.broker(q.getName()), "broker " + q.getName()));
            }
            if (found.items().size() < 100) {
                return names;
            }
        }
    }
}
