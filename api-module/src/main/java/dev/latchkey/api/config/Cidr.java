package dev.latchkey.api.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A block of IP addresses such as {@code 10.0.0.0/8} or {@code ::1/128}; a bare address is a block of one. */
public record Cidr(InetAddress network, int prefixBits) {
    // Only address literals: InetAddress resolves anything else, "dead.beef" or "999.1.1.1" included, through DNS.
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f.:]*:[0-9A-Fa-f.:]*");

    public Cidr {
        Objects.requireNonNull(network, "network");
        if (prefixBits < 0 || prefixBits > network.getAddress().length * 8) {
            throw new IllegalArgumentException(
                    "prefix length " + prefixBits + " does not fit " + network.getHostAddress());
        }
    }

    /** Parses {@code address[/bits]}; explains in the message what is wrong, for the setting named {@code setting}. */
    public static Cidr parse(String text, String setting) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        Optional<InetAddress> network = literal(address);
        if (network.isEmpty()) {
            throw new IllegalArgumentException(
                    setting + " must list IP addresses or CIDR blocks such as 10.0.0.0/8, got '" + text + "'");
        }
        int maxBits = network.get().getAddress().length * 8;
        int bits = maxBits;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > maxBits) {
                throw new IllegalArgumentException(
                        setting + ": the prefix length in '" + text + "' must be 0-" + maxBits);
            }
        }
        return new Cidr(network.get(), bits);
    }

    /** The address in {@code text} if it is an IP address literal; never a DNS lookup. */
    public static Optional<InetAddress> literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        try {
            Matcher v4 = IPV4.matcher(text);
            if (v4.matches()) {
                byte[] octets = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(v4.group(i + 1));
                    if (octet > 255) {
                        return Optional.empty();
                    }
                    octets[i] = (byte) octet;
                }
                return Optional.of(InetAddress.getByAddress(octets));
            }
            // A string with a colon is parsed as an IPv6 literal, and refused if it is not one, without a lookup.
            return IPV6.matcher(text).matches() ? Optional.of(InetAddress.getByName(text)) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] prefix = network.getAddress();
        if (candidate.length != prefix.length) {
            return false;
        }
        int fullBytes = prefixBits / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != prefix[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (candidate[fullBytes] & mask) == (prefix[fullBytes] & mask);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixBits;
    }
}
