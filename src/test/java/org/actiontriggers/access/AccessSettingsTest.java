package org.actiontriggers.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.actiontriggers.settings.InvalidSettingsException;
import org.junit.jupiter.api.Test;

class AccessSettingsTest {

    private final Map<String, String> raw = new HashMap<>();

    private AccessSettings read() {
        return AccessSettings.read(key -> Optional.ofNullable(raw.get(key)));
    }

    @Test
    void byDefaultTheHostsMechanismIsGuessedAndTheRolesHaveOurNames() {
        assertThat(read())
                .isEqualTo(new AccessSettings(
                        AccessSettings.Mode.AUTO, "action-triggers-admin", "action-triggers-viewer"));
    }

    @Test
    void theModeAndTheRoleNamesAreSettings() {
        raw.put(AccessSettings.SECURITY, " Host ");
        raw.put(AccessSettings.ADMIN_ROLE, "shop-ops");
        raw.put(AccessSettings.VIEWER_ROLE, "shop-audit");

        assertThat(read()).isEqualTo(new AccessSettings(AccessSettings.Mode.HOST, "shop-ops", "shop-audit"));
        raw.put(AccessSettings.SECURITY, "built-in");
        assertThat(read().mode()).isEqualTo(AccessSettings.Mode.BUILT_IN);
    }

    @Test
    void everyMalformedSettingIsNamed() {
        raw.put(AccessSettings.SECURITY, "oidc");
        raw.put(AccessSettings.ADMIN_ROLE, "shop ops");
        raw.put(AccessSettings.VIEWER_ROLE, "");

        InvalidSettingsException e = catchThrowableOfType(InvalidSettingsException.class, this::read);

        assertThat(e.problems())
                .hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith(AccessSettings.SECURITY + ": 'oidc'"))
                .anySatisfy(p -> assertThat(p).startsWith(AccessSettings.ADMIN_ROLE + ": 'shop ops'"))
                .anySatisfy(p -> assertThat(p).startsWith(AccessSettings.VIEWER_ROLE + ": ''"));
    }

    @Test
    void oneRoleCannotBeBoth() {
        raw.put(AccessSettings.ADMIN_ROLE, "ops");
        raw.put(AccessSettings.VIEWER_ROLE, "ops");

        assertThat(catchThrowableOfType(InvalidSettingsException.class, this::read)
                        .problems())
                .containsExactly(
                        AccessSettings.VIEWER_ROLE + " must differ from " + AccessSettings.ADMIN_ROLE + " ('ops')");
    }
}
