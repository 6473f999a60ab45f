package org.actiontriggers.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.actiontriggers.settings.InvalidSettingsException;

/**
 * Who authenticates callers of the admin API and the console, and which roles they need.
 *
 * @param mode {@value #SECURITY}: {@code auto} (the default) uses the host's own Jakarta Security mechanism
 *     when it has one and the built-in one otherwise; {@code built-in} or {@code host} say so outright (a host
 *     that signs in through {@code <login-config>} in {@code web.xml} has no mechanism a bean scan can see)
 * @param adminRole {@value #ADMIN_ROLE}: may do everything
 * @param viewerRole {@value #VIEWER_ROLE}: may read
 */
public record AccessSettings(Mode mode, String adminRole, String viewerRole) {

    public static final String SECURITY = "action-triggers.security";
    public static final String ADMIN_ROLE = "action-triggers.roles.admin";
    public static final String VIEWER_ROLE = "action-triggers.roles.viewer";
    static final String DEFAULT_ADMIN_ROLE = "action-triggers-admin";
    static final String DEFAULT_VIEWER_ROLE = "action-triggers-viewer";

    /** The values of {@value #SECURITY}. */
    public enum Mode {
        AUTO("auto"),
        BUILT_IN("built-in"),
        HOST("host");

        private final String value;

        Mode(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /**
     * Reads the three settings.
     *
     * @throws InvalidSettingsException naming each malformed key
     */
    public static AccessSettings read(Function<String, Optional<String>> lookup) {
        List<String> errors = new ArrayList<>();
        String modeText =
                lookup.apply(SECURITY).map(String::trim).orElse("auto").toLowerCase(Locale.ROOT);
        Mode mode = null;
        for (Mode m : Mode.values()) {
            if (m.value.equals(modeText)) {
                mode = m;
            }
        }
        if (mode == null) {
            errors.add(SECURITY + ": '" + modeText + "' is none of auto, built-in, host");
        }
        String admin = role(lookup, ADMIN_ROLE, DEFAULT_ADMIN_ROLE, errors);
        String viewer = role(lookup, VIEWER_ROLE, DEFAULT_VIEWER_ROLE, errors);
        if (admin.equals(viewer)) {
            errors.add(VIEWER_ROLE + " must differ from " + ADMIN_ROLE + " ('" + admin + "')");
        }
        if (!errors.isEmpty()) {
            throw new InvalidSettingsException(errors);
        }
        return new AccessSettings(mode, admin, viewer);
    }

    private static String role(
            Function<String, Optional<String>> lookup, String key, String fallback, List<String> errors) {
        String role = lookup.apply(key).map(String::trim).orElse(fallback);
        if (role.isEmpty() || role.chars().anyMatch(Character::isWhitespace)) {
            errors.add(key + ": '" + role + "' is not a role name (empty, or holds white space)");
        }
        return role;
    }
}
