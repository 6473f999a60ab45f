package org.actiontriggers.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.actiontriggers.settings.InvalidSettingsException;
import org.junit.jupiter.api.Test;

class AccountSettingsTest {

    private final Map<String, String> raw = new HashMap<>();
    private final Map<String, String> stored = new HashMap<>();
    private final List<String> announced = new ArrayList<>();

    private final AccountSettings.GeneratedPasswords store = new AccountSettings.GeneratedPasswords() {
        @Override
        public Optional<String> hashOf(String username) {
            return Optional.ofNullable(stored.get(username));
        }

        @Override
        public boolean keep(String username, String hash) {
            return stored.putIfAbsent(username, hash) == null;
        }
    };

    private List<Account> read() {
        return AccountSettings.read(key -> Optional.ofNullable(raw.get(key)), store, announced::add);
    }

    @Test
    void configuredAdminAndViewerAreUsedAndNothingIsGenerated() {
        String admin = PasswordHash.of("a".toCharArray());
        String viewer = PasswordHash.of("v".toCharArray());
        raw.put(AccountSettings.ADMIN_USERNAME, "root");
        raw.put(AccountSettings.ADMIN_PASSWORD_HASH, admin);
        raw.put(AccountSettings.VIEWER_PASSWORD_HASH, viewer);

        List<Account> accounts = read();

        assertThat(accounts).containsExactly(new Account("root", admin, true), new Account("viewer", viewer, false));
        assertThat(announced).isEmpty();
        assertThat(stored).isEmpty();
    }

    @Test
    void withoutAHashAPasswordIsGeneratedAnnouncedOnceAndKeptForTheNextStart() {
        List<Account> first = read();

        assertThat(first).hasSize(1);
        assertThat(first.get(0).username()).isEqualTo("admin");
        assertThat(announced).hasSize(1);
        Matcher password = Pattern.compile("\\n\\n    (\\S{24})\\n\\n").matcher(announced.get(0));
        assertThat(password.find()).isTrue();
        assertThat(PasswordHash.matches(
                        password.group(1).toCharArray(), first.get(0).passwordHash()))
                .isTrue();
        assertThat(announced.get(0)).contains(AccountSettings.ADMIN_PASSWORD_HASH, PasswordHash.class.getName());

        List<Account> restarted = read();

        assertThat(announced).hasSize(1);
        assertThat(restarted.get(0).passwordHash()).isEqualTo(first.get(0).passwordHash());
    }

    @Test
    void anInstanceThatLosesTheRaceUsesTheWinnersPasswordAndAnnouncesNothing() {
        String winner = PasswordHash.of("winner".toCharArray());
        AccountSettings.GeneratedPasswords late = new AccountSettings.GeneratedPasswords() {
            @Override
            public Optional<String> hashOf(String username) {
                return Optional.ofNullable(stored.get(username));
            }

            @Override
            public boolean keep(String username, String hash) {
                stored.put(username, winner);
                return false;
            }
        };

        List<Account> accounts = AccountSettings.read(key -> Optional.ofNullable(raw.get(key)), late, announced::add);

        assertThat(accounts.get(0).passwordHash()).isEqualTo(winner);
        assertThat(announced).isEmpty();
    }

    @Test
    void malformedSettingsAreNamed() {
        raw.put(AccountSettings.ADMIN_PASSWORD_HASH, "plain-text-password");
        raw.put(AccountSettings.VIEWER_PASSWORD_HASH, PasswordHash.of("v".toCharArray()));
        raw.put(AccountSettings.VIEWER_USERNAME, "admin");

        InvalidSettingsException thrown = catchThrowableOfType(InvalidSettingsException.class, this::read);

        assertThat(thrown.problems()).hasSize(2);
        assertThat(thrown.problems().get(0)).startsWith(AccountSettings.ADMIN_PASSWORD_HASH);
        assertThat(thrown.problems().get(1)).startsWith(AccountSettings.VIEWER_USERNAME);
        assertThat(thrown.getMessage()).doesNotContain("plain-text-password");
        assertThat(announced).isEmpty();
    }
}
