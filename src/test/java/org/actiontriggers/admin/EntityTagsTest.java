package org.actiontriggers.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void noHeaderOrAStarPutsNoCondition() {
        assertThat(EntityTags.ifMatch(null)).isNull();
        assertThat(EntityTags.ifMatch(" ")).isNull();
        assertThat(EntityTags.ifMatch("*")).isNull();
    }

    @Test
    void aStrongTagOrAnyOfAListMatchesItsVersionOnly() {
        assertThat(EntityTags.ifMatch("\"4\"").test(4)).isTrue();
        assertThat(EntityTags.ifMatch("\"4\"").test(5)).isFalse();
        assertThat(EntityTags.ifMatch("\"3\", \"5\"").test(5)).isTrue();
        assertThat(EntityTags.ifMatch("\"3\",\"5\"").test(4)).isFalse();
    }

    @Test
    void weakOrForeignTagsNeverMatch() {
        assertThat(EntityTags.ifMatch("W/\"4\"").test(4)).isFalse();
        assertThat(EntityTags.ifMatch("\"abc\"").test(4)).isFalse();
        assertThat(EntityTags.ifMatch("4").test(4)).isFalse();
        assertThat(EntityTags.ifMatch("\"99999999999999999999\"").test(4)).isFalse();
    }
}
