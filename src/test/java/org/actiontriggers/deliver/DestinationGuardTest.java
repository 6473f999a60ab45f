package org.actiontriggers.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.actiontriggers.settings.Subnet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationGuardTest {

    /** A fake DNS: names of our choosing resolve to addresses of our choosing, with no network involved. */
    private static final Map<String, String> DNS = Map.of(
            "public.example", "93.184.215.14",
            "internal.example", "127.0.0.1",
            "metadata.example", "169.254.169.254",
            "mixed.example", "93.184.215.14,10.1.2.3",
            "v6-private.example", "fd12::1");

    private static InetAddress[] fakeResolve(String host) throws UnknownHostException {
        String addresses = DNS.get(host);
        if (addresses == null) {
            return InetAddress.getAllByName(host);
        }
        String[] parts = addresses.split(",");
        InetAddress[] out = new InetAddress[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = InetAddress.getByName(parts[i]);
        }
        return out;
    }

    private final DestinationGuard productionDefault =
            new DestinationGuard(List::of, DestinationGuardTest::fakeResolve);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://2130706433/hook",
                "http://2130706433:8080/hook",
                "http://0177.0.0.1/hook",
                "http://0x7f.0.0.1/hook",
                "http://0x7f000001/hook",
                "http://127.1/hook",
                "http://017700000001/hook",
                "http://127.0.0.01/hook",
                "http://localhost./hook",
                "http://internal.example./hook",
                "http://user@0x7f.1:80/hook",
                "http:///hook"
            })
    void disguisedHostsAreRefusedBeforeAnyLookup(String url) {
        assertThat(DestinationGuard.refusalOf(url)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.com/hook",
                "http://93.184.215.14:8080/x",
                "http://[2606:2800::1]/x",
                "http://a1.b2/x"
            })
    void ordinaryHostsPassTheSyntaxCheck(String url) {
        assertThat(DestinationGuard.refusalOf(url)).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "127.0.0.1          | loopback",
                "localhost          | loopback",
                "internal.example   | loopback",
                "::1                | loopback",
                "::ffff:127.0.0.1   | loopback",
                "::127.0.0.1        | loopback",
                "0.0.0.0            | unspecified",
                "::                 | unspecified",
                "10.0.0.1           | private",
                "172.16.5.4         | private",
                "192.168.1.1        | private",
                "100.64.0.1         | shared",
                "169.254.169.254    | link-local",
                "metadata.example   | link-local",
                "fe80::1            | link-local",
                "fd00::2            | unique-local",
                "v6-private.example | unique-local",
                "fec0::1            | site-local",
                "224.0.0.1          | multicast",
                "ff02::1            | multicast",
                "255.255.255.255    | reserved",
                "240.0.0.1          | reserved",
                "192.0.2.2          | documentation",
                "2001:db8::1        | documentation",
                "198.18.0.1         | benchmarking",
                "64:ff9b::a00:1     | private",
                "2002:7f00:1::      | loopback",
                "mixed.example      | private"
            })
    void nonPublicAddressesAreRefusedSayingWhy(String host, String kind) {
        assertThatThrownBy(() -> productionDefault.resolve(host))
                .isInstanceOf(DestinationRefusedException.class)
                .hasMessageContaining(kind)
                .hasMessageContaining("action-triggers.allowed-private-networks");
    }

    @Test
    void publicAddressesAreReturnedAsChecked() throws Exception {
        assertThat(productionDefault.resolve("public.example")).containsExactly(InetAddress.getByName("93.184.215.14"));
        assertThat(productionDefault.resolve("public.example", 443))
                .singleElement()
                .satisfies(a -> assertThat(a.getAddress().getHostAddress()).isEqualTo("93.184.215.14"))
                .satisfies(a -> assertThat(a.getPort()).isEqualTo(443));
    }

    @Test
    void anAllowListedBlockIsReachableAndOnlyThatBlock() throws Exception {
        DestinationGuard guard = new DestinationGuard(
                () -> List.of(Subnet.parse("127.0.0.1/32"), Subnet.parse("10.1.0.0/16")),
                DestinationGuardTest::fakeResolve);

        assertThatCode(() -> guard.resolve("internal.example")).doesNotThrowAnyException();
        assertThatCode(() -> guard.resolve("10.1.200.3")).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.resolve("127.0.0.2")).isInstanceOf(DestinationRefusedException.class);
        assertThatThrownBy(() -> guard.resolve("10.2.0.1")).isInstanceOf(DestinationRefusedException.class);
        assertThatThrownBy(() -> guard.resolve("::1")).isInstanceOf(DestinationRefusedException.class);
        assertThatThrownBy(() -> guard.resolve("0x7f.0.0.1")).isInstanceOf(DestinationRefusedException.class);
    }

    /**
     * The integration tests allow only their receiver's 127.0.0.1/32: a cloud metadata service, a link-local
     * neighbour or the machine's own network addresses stay refused. Checked here rather than there, so that no
     * test ever aims a connection at an address beyond loopback.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "169.254.169.254    | link-local",
                "metadata.example   | link-local",
                "fe80::a9fe:a9fe    | link-local",
                "fd00:ec2::254      | unique-local",
                "100.100.100.200    | shared",
                "10.0.2.15          | private",
                "172.17.0.2         | private",
                "192.168.1.20       | private",
                "127.0.0.2          | loopback",
                "::1                | loopback"
            })
    void withOnlyTheTestReceiversLoopbackAllowedMetadataAndOwnNetworkAddressesStayRefused(String host, String kind) {
        DestinationGuard guard =
                new DestinationGuard(() -> List.of(Subnet.parse("127.0.0.1/32")), DestinationGuardTest::fakeResolve);

        assertThatThrownBy(() -> guard.resolve(host, 80))
                .isInstanceOf(DestinationRefusedException.class)
                .hasMessageContaining(kind);
        assertThatCode(() -> guard.resolve("127.0.0.1", 80)).doesNotThrowAnyException();
        assertThatCode(() -> guard.resolve("public.example", 80)).doesNotThrowAnyException();
    }

    @Test
    void eachLookupIsCheckedSoARebindingNameIsCaughtWhenItTurnsPrivate() throws Exception {
        String[] answers = {"93.184.215.14", "127.0.0.1"};
        int[] asked = {0};
        DestinationGuard guard = new DestinationGuard(List::of, host ->
                new InetAddress[] {InetAddress.getByName(answers[Math.min(asked[0]++, 1)])});

        assertThat(guard.resolve("rebind.example")).hasSize(1);
        assertThatThrownBy(() -> guard.resolve("rebind.example")).isInstanceOf(DestinationRefusedException.class);
    }

    @Test
    void theClientNeverGetsAnUnresolvedAddressToLookUpItself() throws Exception {
        assertThat(productionDefault.resolve("public.example", 80)).allMatch(a -> !a.isUnresolved());
        assertThat(productionDefault.resolveCanonicalHostname("public.example")).isEqualTo("public.example");
    }
}
