package org.actiontriggers.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubnetTest {

    @Test
    void containsExactlyItsBlock() throws Exception {
        Subnet block = Subnet.parse("10.1.0.0/16");

        assertThat(block.contains(InetAddress.getByName("10.1.255.255"))).isTrue();
        assertThat(block.contains(InetAddress.getByName("10.2.0.0"))).isFalse();
        assertThat(block.contains(InetAddress.getByName("::ffff:10.1.0.1"))).isTrue();
        assertThat(block.contains(InetAddress.getByName("fd00::1"))).isFalse();
    }

    @Test
    void aBareAddressIsABlockOfOne() throws Exception {
        Subnet one = Subnet.parse("127.0.0.1");

        assertThat(one.prefixLength()).isEqualTo(32);
        assertThat(one.contains(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(one.contains(InetAddress.getByName("127.0.0.2"))).isFalse();
    }

    @Test
    void ipv6BlocksWork() throws Exception {
        assertThat(Subnet.parse("fd00::/8").contains(InetAddress.getByName("fd12:3456::1")))
                .isTrue();
        assertThat(Subnet.parse("::1/128").contains(InetAddress.getByName("::1")))
                .isTrue();
        assertThat(Subnet.parse("::/0").contains(InetAddress.getByName("2001:db8::1")))
                .isTrue();
        assertThat(Subnet.parse("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8")))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.com/8", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "::1/129", ""})
    void malformedBlocksAreRefusedWithoutADnsLookup(String text) {
        assertThatThrownBy(() -> Subnet.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
