package org.actiontriggers.settings;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A block of IP addresses in CIDR notation, e.g. {@code 10.0.0.0/8} or {@code fd00::/8}: one entry of
 * {@value Settings#ALLOWED_PRIVATE_NETWORKS}.
 *
 * @param network the first address of the block
 * @param prefixLength how many leading bits an address must share with {@code network}
 */
public record Subnet(InetAddress network, int prefixLength) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /**
     * Parses {@code address/prefix}; a bare address is a block of one. Only literal addresses are accepted:
     * parsing never looks anything up in DNS.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Subnet parse(String cidr) {
        String text = cidr.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not an IP address or CIDR block such as" + " 10.0.0.0/8 or fd00::/8");
        }
        InetAddress network;
        try {
            network = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid IP address");
        }
        int bits = network.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + bits);
        }
        return new Subnet(network, prefix);
    }

    /** Whether the address lies in this block (an IPv4 address never lies in an IPv6 block, and back). */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] base = network.getAddress();
        if (candidate.length != base.length) {
            return false;
        }
        int bits = base.length * 8;
        if (prefixLength == 0) {
            return true;
        }
        BigInteger mask = BigInteger.ONE
                .shiftLeft(bits)
                .subtract(BigInteger.ONE)
                .shiftRight(bits - prefixLength)
                .shiftLeft(bits - prefixLength);
        return new BigInteger(1, candidate).and(mask).equals(new BigInteger(1, base).and(mask));
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }
}
