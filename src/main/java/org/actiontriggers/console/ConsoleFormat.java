package org.actiontriggers.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the console writes times: UTC to the second, the same on every page and in every filter. */
@Named
@ApplicationScoped
public class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A share from 0 to 1 as a percentage to one decimal, or a dash when there is nothing to count. */
    public String percent(Double share) {
        return share == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f %%", share * 100);
    }

    /** Milliseconds, or a dash. */
    public String millis(Long millis) {
        return millis == null ? "—" : millis + " ms";
    }

    public String time(OffsetDateTime time) {
        return time == null ? "" : TIME.format(time.atZoneSameInstant(ZoneOffset.UTC)) + " UTC";
    }
}
