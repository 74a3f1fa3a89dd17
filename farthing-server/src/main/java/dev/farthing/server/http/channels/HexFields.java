package dev.farthing.server.http.channels;

import dev.farthing.channel.protocol.XrplKeys;
import dev.farthing.keys.Hex;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.JsonIn;

/** Hex fields of channel bodies (either case): ids and hashes 32 bytes, signatures 64, keys raw or XRPL form. */
final class HexFields {
    private HexFields() {
    }

    static byte[] bytes(JsonIn in, String field, int length) {
        String s = in.string(field);
        if (s.length() != length * 2) {
            throw in.invalid(field, "must be " + length + " bytes as " + (length * 2) + " hex digits");
        }
        try {
            return Hex.decode(s);
        } catch (IllegalArgumentException e) {
            throw in.invalid(field, "must be hex");
        }
    }

    static byte[] signature(JsonIn in, String field) {
        return bytes(in, field, 64);
    }

    static byte[] key(JsonIn in, String field) {
        try {
            return XrplKeys.normalise(in.string(field));
        } catch (IllegalArgumentException e) {
            throw in.invalid(field, "must be an Ed25519 public key: 64 hex digits, or 66 starting ED");
        }
    }

    static byte[] channelId(String raw) {
        if (raw == null || raw.length() != 64) {
            throw ApiException.invalid("channel id must be 32 bytes as 64 hex digits");
        }
        try {
            return Hex.decode(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("channel id must be hex");
        }
    }
}
