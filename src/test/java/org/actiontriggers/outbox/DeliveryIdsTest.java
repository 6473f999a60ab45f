package org.actiontriggers.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryIdsTest {

    private static long millisOf(String id) {
        return UUID.fromString(id).getMostSignificantBits() >>> 16;
    }

    @Test
    void idIsAVersion7UuidStampedWithTheCurrentTime() {
        long before = System.currentTimeMillis();
        String id = DeliveryIds.next();
        long after = System.currentTimeMillis();

        UUID uuid = UUID.fromString(id);
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(id).isEqualTo(uuid.toString()).hasSize(36);
        assertThat(millisOf(id)).isBetween(before, after);
    }

    @Test
    void tenThousandIdsAreUnique() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(DeliveryIds.next());
        }

        assertThat(ids).hasSize(10_000);
        assertThat(ids)
                .allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnes() {
        List<String> ids = new ArrayList<>();
        long start = System.currentTimeMillis();
        while (ids.size() < 10_000 || millisOf(ids.get(ids.size() - 1)) < start + 3) {
            ids.add(DeliveryIds.next());
        }

        int millisecondChanges = 0;
        for (int i = 1; i < ids.size(); i++) {
            String previous = ids.get(i - 1);
            String current = ids.get(i);
            assertThat(millisOf(current)).isGreaterThanOrEqualTo(millisOf(previous));
            if (millisOf(current) > millisOf(previous)) {
                millisecondChanges++;
                assertThat(current).isGreaterThan(previous);
            }
        }
        assertThat(millisecondChanges).isGreaterThanOrEqualTo(3);
    }
}
