package org.actiontriggers.deliver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.actiontriggers.settings.Settings;
import org.actiontriggers.settings.Subnet;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Keeps webhooks away from the internal network (SSRF): the HTTP client's only way to turn a host name into
 * addresses, so the addresses it checks are exactly the ones it connects to — there is no second lookup
 * that DNS rebinding could answer differently.
 *
 * <p>Refused unless {@value Settings#ALLOWED_PRIVATE_NETWORKS} names their block: the unspecified address,
 * loopback, private (RFC 1918), shared (100.64/10), link-local (169.254/16 — the cloud metadata service — and
 * fe80::/10), unique-local (fc00::/7), site-local, multicast, documentation, benchmarking and reserved
 * blocks, and IPv6 forms that embed a refused IPv4 address (mapped, compatible, NAT64, 6to4). A name with
 * any refused address is refused as a whole. Before any lookup, {@link #refusalOf(String)} also refuses hosts
 * that only disguise an address: numbers in decimal, octal or hex ({@code 2130706433}, {@code 0177.0.0.1},
 * {@code 0x7f.0.0.1}), and names ending in a dot ({@code localhost.}).
 */
public final class DestinationGuard implements DnsResolver {

    /** Any host made only of numbers, in any base, separated by dots: an IPv4 address in some notation. */
    private static final Pattern NUMERIC = Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?");

    private static final Pattern CANONICAL_IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private record Block(Subnet subnet, String kind) {}

    private static final List<Block> REFUSED = List.of(
            block("0.0.0.0/8", "the unspecified network"),
            block("10.0.0.0/8", "a private address"),
            block("100.64.0.0/10", "a shared (carrier-grade NAT) address"),
            block("127.0.0.0/8", "a loopback address"),
            block("169.254.0.0/16", "a link-local address (as the cloud metadata service)"),
            block("172.16.0.0/12", "a private address"),
            block("192.0.0.0/24", "a reserved address"),
            block("192.0.2.0/24", "a documentation address"),
            block("192.88.99.0/24", "a reserved address"),
            block("192.168.0.0/16", "a private address"),
            block("198.18.0.0/15", "a benchmarking address"),
            block("198.51.100.0/24", "a documentation address"),
            block("203.0.113.0/24", "a documentation address"),
            block("224.0.0.0/4", "a multicast address"),
            block("240.0.0.0/4", "a reserved address"),
            block("::/128", "the unspecified address"),
            block("::1/128", "a loopback address"),
            block("100::/64", "a discard address"),
            block("2001::/23", "a reserved address"),
            block("2001:db8::/32", "a documentation address"),
            block("fc00::/7", "a unique-local address"),
            block("fe80::/10", "a link-local address"),
            block("fec0::/10", "a site-local address"),
            block("ff00::/8", "a multicast address"));

    private static final Subnet IPV4_COMPATIBLE = Subnet.parse("::/96");
    private static final Subnet NAT64 = Subnet.parse("64:ff9b::/96");
    private static final Subnet SIX_TO_FOUR = Subnet.parse("2002::/16");

    private final Supplier<List<Subnet>> allowed;
    private final Resolver resolver;

    /** How names become addresses; the JDK's resolver in production, a fake one in unit tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** @param allowed the blocks that are reachable although non-public, read on every lookup */
    public DestinationGuard(Supplier<List<Subnet>> allowed) {
        this(allowed, InetAddress::getAllByName);
    }

    DestinationGuard(Supplier<List<Subnet>> allowed, Resolver resolver) {
        this.allowed = allowed;
        this.resolver = resolver;
    }

    /**
     * Why a webhook URL's host is refused before any lookup, or {@code null} when only its addresses remain to
     * be checked.
     */
    public static String refusalOf(String url) {
        String host = hostOf(url);
        if (host == null || host.isEmpty()) {
            return "the URL names no host";
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (NUMERIC.matcher(lower).matches() && !CANONICAL_IPV4.matcher(lower).matches()) {
            return "host '" + host + "' is an IP address in a non-standard notation (decimal, octal, hex or"
                    + " shortened); write it as four decimal numbers";
        }
        if (lower.endsWith(".")) {
            return "host '" + host + "' ends with a dot; write the name without it";
        }
        return null;
    }

    /** The host as written in the URL, brackets of an IPv6 literal removed; also when {@link URI} finds none. */
    static String hostOf(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (uri.getHost() != null) {
            return stripBrackets(uri.getHost());
        }
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return null;
        }
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            return end < 0 ? hostPort : hostPort.substring(1, end);
        }
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /**
     * Resolves the host and returns its addresses, all checked.
     *
     * @throws DestinationRefusedException when any address is refused, saying which and why
     * @throws UnknownHostException when the name does not resolve
     */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = stripBrackets(host);
        String refusal = refusalOf("http://" + (name.contains(":") ? "[" + name + "]" : name) + "/");
        if (refusal != null) {
            throw new DestinationRefusedException(refusal);
        }
        InetAddress[] addresses = resolver.resolve(name);
        for (InetAddress address : addresses) {
            String why = refusalOf(address);
            if (why != null) {
                throw new DestinationRefusedException("host '" + name + "' resolves to " + address.getHostAddress()
                        + ", " + why + ", which " + Settings.ALLOWED_PRIVATE_NETWORKS + " does not allow");
            }
        }
        return addresses;
    }

    /** The checked addresses with the port; never unresolved ones, which the client would look up itself. */
    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host))
                .map(address -> new InetSocketAddress(address, port))
                .toList();
    }

    /** No reverse lookups: the name as given is the name used for TLS. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    /** Why the address may not be reached, or {@code null} when it may. */
    String refusalOf(InetAddress address) {
        for (Subnet subnet : allowed.get()) {
            if (subnet.contains(address)) {
                return null;
            }
        }
        return category(address);
    }

    private static String category(InetAddress address) {
        for (Block block : REFUSED) {
            if (block.subnet().contains(address)) {
                return block.kind() + " (" + block.subnet() + ")";
            }
        }
        byte[] bytes = address.getAddress();
        InetAddress embedded = null;
        if (IPV4_COMPATIBLE.contains(address) || NAT64.contains(address)) {
            embedded = ipv4(bytes, 12);
        } else if (SIX_TO_FOUR.contains(address)) {
            embedded = ipv4(bytes, 2);
        }
        if (embedded == null) {
            return null;
        }
        String inner = category(embedded);
        return inner == null ? null : "an IPv6 form of " + embedded.getHostAddress() + ", " + inner;
    }

    private static InetAddress ipv4(byte[] bytes, int offset) {
        try {
            return InetAddress.getByAddress(
                    new byte[] {bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Block block(String cidr, String kind) {
        return new Block(Subnet.parse(cidr), kind);
    }
}
