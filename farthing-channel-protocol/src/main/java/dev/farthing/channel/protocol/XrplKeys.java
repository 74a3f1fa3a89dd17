package dev.farthing.channel.protocol;

import dev.farthing.keys.Hex;

/**
 * Public keys as the XRP Ledger writes them: an Ed25519 key is 33 bytes, {@code ED} followed by the raw
 * 32-byte key. Farthing accepts that form or the raw 32 bytes, hex in either case, and works with raw keys.
 */
public final class XrplKeys {
    private static final byte ED_PREFIX = (byte) 0xED;

    private XrplKeys() {
    }

    /** The raw 32-byte key from 64 or 66 hex digits; IllegalArgumentException for anything else. */
    public static byte[] normalise(String hex) {
        if (hex == null || (hex.length() != 64 && hex.length() != 66)) {
            throw new IllegalArgumentException("public key must be 32 bytes raw or 33 bytes ED-prefixed, as hex");
        }
        return normalise(Hex.decode(hex));
    }

    public static byte[] normalise(byte[] key) {
        if (key != null && key.length == 32) {
            return key.clone();
        }
        if (key != null && key.length == 33 && key[0] == ED_PREFIX) {
            return Bytes.slice(key, 1, 32);
        }
        throw new IllegalArgumentException("public key must be 32 bytes raw or 33 bytes starting 0xED");
    }

    /** The XRPL form: {@code ED} ‖ raw key, upper-case hex as rippled prints it. */
    public static String toXrpl(byte[] raw32) {
        return "ED" + Hex.encode(Bytes.require32("public key", raw32)).toUpperCase(java.util.Locale.ROOT);
    }
}
