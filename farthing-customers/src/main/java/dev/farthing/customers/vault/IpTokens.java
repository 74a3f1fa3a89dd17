package dev.farthing.customers.vault;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * IP addresses as pseudonyms that keep their address class: the class (public, private, carrier-grade NAT,
 * loopback, link-local, unique-local, for IPv4 and IPv6) is derived from the raw address first and becomes the
 * token's kind ({@code ip4cgnat_…}), so anything that reasons about address classes works on tokens exactly
 * as on addresses, while equal addresses still give equal tokens. An IPv4-mapped IPv6 address counts as IPv4.
 */
public final class IpTokens {
    private IpTokens() {
    }

    public static String token(Pseudonyms ps, String ip) {
        if (ip == null || Pseudonyms.isToken(ip)) {
            return ip;
        }
        byte[] b = bytes(ip);
        if (b == null) {
            return ps.token("ipx", ip); // not an address literal: still never stored raw
        }
        if (b.length == 16 && isV4Mapped(b)) {
            byte[] v4 = {b[12], b[13], b[14], b[15]};
            return ps.token(classOf4(v4), ipv4(v4));
        }
        return b.length == 4 ? ps.token(classOf4(b), ipv4(b)) : ps.token(classOf6(b), canonical(ip));
    }

    /** The class of an address literal: {@code ip4pub}, {@code ip4priv}, {@code ip4cgnat}, ... {@code ip6pub}. */
    public static String classOf(String ip) {
        byte[] b = bytes(ip);
        if (b == null) {
            return "ipx";
        }
        if (b.length == 16 && isV4Mapped(b)) {
            return classOf4(new byte[] {b[12], b[13], b[14], b[15]});
        }
        return b.length == 4 ? classOf4(b) : classOf6(b);
    }

    static String classOf4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
            return "ip4priv";
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return "ip4cgnat";
        }
        if (a0 == 127) {
            return "ip4loop";
        }
        if (a0 == 169 && a1 == 254) {
            return "ip4link";
        }
        return "ip4pub";
    }

    static String classOf6(byte[] b) {
        boolean allZeroButLast = true;
        for (int i = 0; i < 15; i++) {
            allZeroButLast &= b[i] == 0;
        }
        if (allZeroButLast && b[15] == 1) {
            return "ip6loop";
        }
        int b0 = b[0] & 0xff;
        if ((b0 & 0xfe) == 0xfc) {
            return "ip6ula";
        }
        if (b0 == 0xfe && (b[1] & 0xc0) == 0x80) {
            return "ip6link";
        }
        return "ip6pub";
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    /** The address bytes of a literal, without any DNS lookup; null when it is not a literal. */
    private static byte[] bytes(String ip) {
        try {
            if (ip.indexOf(':') >= 0) {
                return Inet6Address.ofLiteral(ip).getAddress();
            }
            return InetAddress.ofLiteral(ip).getAddress();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String ipv4(byte[] b) {
        return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }

    /** One spelling per IPv6 address, so {@code 2001:DB8::1} and {@code 2001:db8:0::1} share a token. */
    private static String canonical(String ip) {
        try {
            return Inet6Address.ofLiteral(ip).getHostAddress();
        } catch (IllegalArgumentException e) {
            return ip;
        }
    }
}
