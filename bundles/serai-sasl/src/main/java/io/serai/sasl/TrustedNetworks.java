package io.serai.sasl;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The client networks whose connections count as secure for clear-text authentication, like TLS: LOGIN, AUTH
 * PLAIN/LOGIN and POP3 USER/PASS are then offered without TLS (RFC 9051 §11.1, RFC 8314 §5.1 require TLS only
 * because a network may be read; the loopback interface cannot be read from outside the host). Dovecot treats
 * loopback the same way; the default here is {@link #LOOPBACK}, so local tools (curl, scripts, a webmail on the same
 * host) log in without TLS, and anything wider is an explicit choice that the Karaf listeners warn about.
 *
 * <p>Written as a comma- or space-separated list of addresses and CIDR blocks ({@code 127.0.0.0/8, ::1/128,
 * 10.1.0.0/16}); an empty list, or {@code none}, trusts nothing. Only numeric addresses are accepted, so no DNS lookup ever happens.
 */
public final class TrustedNetworks {

    /** The loopback blocks of IPv4 (RFC 1122 §3.2.1.3) and IPv6 (RFC 4291 §2.5.3). */
    public static final String LOOPBACK_SPEC = "127.0.0.0/8, ::1/128";
    public static final TrustedNetworks LOOPBACK = parse(LOOPBACK_SPEC);
    public static final TrustedNetworks NONE = new TrustedNetworks(List.of(), "");

    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }

        boolean loopback() {
            if (network.length == 4) {
                return prefix >= 8 && network[0] == 127;
            }
            return prefix == 128 && Arrays.equals(network, loopback6());
        }
    }

    private final List<Block> blocks;
    private final String spec;

    private TrustedNetworks(List<Block> blocks, String spec) {
        this.blocks = List.copyOf(blocks);
        this.spec = spec;
    }

    /**
     * @throws IllegalArgumentException for anything that is not a numeric address or CIDR block, naming it
     */
    public static TrustedNetworks parse(String spec) {
        List<Block> blocks = new ArrayList<>();
        String trimmed = spec == null ? "" : spec.trim();
        if (!trimmed.isEmpty() && !trimmed.equalsIgnoreCase("none")) { // "none" where an empty value cannot be written
            for (String entry : trimmed.split("[,\\s]+")) {
                blocks.add(block(entry));
            }
        }
        return new TrustedNetworks(blocks, trimmed);
    }

    private static Block block(String entry) {
        int slash = entry.indexOf('/');
        String host = slash < 0 ? entry : entry.substring(0, slash);
        if (!isNumeric(host)) {
            throw new IllegalArgumentException("trustedNetworks: not a numeric address: " + entry);
        }
        byte[] address;
        try {
            address = InetAddress.getByName(host).getAddress(); // numeric: parsed, never looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("trustedNetworks: not an address: " + entry, e);
        }
        int max = address.length * 8;
        int prefix = max;
        if (slash >= 0) {
            String bits = entry.substring(slash + 1);
            if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("trustedNetworks: bad prefix length: " + entry);
            }
            prefix = Integer.parseInt(bits);
            if (prefix > max) {
                throw new IllegalArgumentException("trustedNetworks: prefix longer than " + max + " bits: " + entry);
            }
        }
        return new Block(address, prefix);
    }

    /** Digits and dots (IPv4) or hex digits and colons, possibly with an embedded IPv4 tail (IPv6). */
    private static boolean isNumeric(String host) {
        if (host.isEmpty()) {
            return false;
        }
        if (host.indexOf(':') >= 0) {
            return host.toLowerCase(Locale.ROOT).chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':'
                    || c == '.');
        }
        return host.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.') && host.split("\\.", -1).length == 4;
    }

    private static byte[] loopback6() {
        byte[] b = new byte[16];
        b[15] = 1;
        return b;
    }

    /** Whether connections from {@code address} count as secure. An IPv4-mapped IPv6 address counts as its IPv4. */
    public boolean contains(InetAddress address) {
        if (address == null) {
            return false;
        }
        byte[] bytes = address.getAddress();
        byte[] v4 = mappedIpv4(bytes);
        for (Block block : blocks) {
            if (block.contains(bytes) || (v4 != null && block.contains(v4))) {
                return true;
            }
        }
        return false;
    }

    /** As {@link #contains(InetAddress)} for a socket's remote address; anything but an IP socket is not trusted. */
    public boolean contains(SocketAddress client) {
        return client instanceof InetSocketAddress inet && contains(inet.getAddress());
    }

    private static byte[] mappedIpv4(byte[] b) {
        if (b.length != 16) {
            return null;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return null;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff ? Arrays.copyOfRange(b, 12, 16) : null;
    }

    /** Whether every block is within loopback: then nothing outside the host is trusted and no warning is due. */
    public boolean loopbackOnly() {
        return blocks.stream().allMatch(Block::loopback);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** The list as configured. */
    @Override
    public String toString() {
        return spec;
    }
}
