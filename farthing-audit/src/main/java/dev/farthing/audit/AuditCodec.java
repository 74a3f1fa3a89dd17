package dev.farthing.audit;

import dev.farthing.contracts.audit.AuditEvent;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The canonical encoding of a record, which is also what the log stores (big-endian):
 * <pre>
 * version u8 = 1 | sequence u64 | time u64 (ns)
 * | actor str | role str | action str | subject str | before nstr | after nstr
 * | previous hash (32) | hash (32) = SHA-256 of every byte before it
 * str = length u32 ‖ UTF-8;  nstr = str, or length 0xFFFFFFFF for null
 * </pre>
 * Decoding is strict (malformed UTF-8, a short or long payload, an unknown version all fail), so a record has
 * exactly one encoding and the hash over the stored bytes is the hash of the record.
 */
public final class AuditCodec {
    public static final int VERSION = 1;
    public static final int HASH_BYTES = 32;
    /** Longest actor, role, action or subject, in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 512;
    /** Longest before or after state, in UTF-8 bytes. */
    public static final int MAX_STATE_BYTES = 64 * 1024;
    static final byte[] GENESIS = new byte[HASH_BYTES];
    private static final int NULL_LENGTH = -1;

    private AuditCodec() {
    }

    /** The record's canonical bytes, its hash computed and appended. */
    static byte[] encode(long sequence, long timeNanos, AuditEvent e, byte[] previousHash) {
        byte[][] parts = {utf8(e.actor(), MAX_NAME_BYTES, "actor"), utf8(e.role(), MAX_NAME_BYTES, "role"),
                utf8(e.action(), MAX_NAME_BYTES, "action"), utf8(e.subject(), MAX_NAME_BYTES, "subject"),
                utf8(e.before(), MAX_STATE_BYTES, "before"), utf8(e.after(), MAX_STATE_BYTES, "after")};
        int size = 1 + 8 + 8 + 2 * HASH_BYTES;
        for (byte[] p : parts) {
            size += 4 + (p == null ? 0 : p.length);
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put((byte) VERSION).putLong(sequence).putLong(timeNanos);
        for (byte[] p : parts) {
            b.putInt(p == null ? NULL_LENGTH : p.length);
            if (p != null) {
                b.put(p);
            }
        }
        b.put(previousHash);
        b.put(sha256(b.array(), b.position()));
        return b.array();
    }

    /** SHA-256 of the first {@code length} bytes. */
    static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(bytes, 0, length);
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * Decodes stored bytes strictly and checks the stored hash against the bytes; throws
     * {@link MalformedRecordException} saying what is wrong.
     */
    static AuditRecord decode(byte[] stored, long position) {
        ByteBuffer b = ByteBuffer.wrap(stored);
        try {
            int version = b.get() & 0xFF;
            if (version != VERSION) {
                throw new MalformedRecordException("unknown record version " + version);
            }
            long sequence = b.getLong();
            long time = b.getLong();
            String actor = string(b, MAX_NAME_BYTES, "actor");
            String role = string(b, MAX_NAME_BYTES, "role");
            String action = string(b, MAX_NAME_BYTES, "action");
            String subject = string(b, MAX_NAME_BYTES, "subject");
            String before = string(b, MAX_STATE_BYTES, "before");
            String after = string(b, MAX_STATE_BYTES, "after");
            byte[] previous = new byte[HASH_BYTES];
            b.get(previous);
            int hashed = b.position();
            byte[] hash = new byte[HASH_BYTES];
            b.get(hash);
            if (b.hasRemaining()) {
                throw new MalformedRecordException(b.remaining() + " bytes after the hash");
            }
            if (!MessageDigest.isEqual(hash, sha256(stored, hashed))) {
                throw new MalformedRecordException("its hash does not match its contents");
            }
            AuditEvent event;
            try {
                event = new AuditEvent(nonNull(actor, "actor"), nonNull(role, "role"), nonNull(action, "action"),
                        nonNull(subject, "subject"), before, after);
            } catch (IllegalArgumentException ex) {
                throw new MalformedRecordException(ex.getMessage());
            }
            return new AuditRecord(sequence, time, event, previous, hash, position);
        } catch (BufferUnderflowException e) {
            throw new MalformedRecordException("the record is cut short");
        }
    }

    private static String nonNull(String s, String field) {
        if (s == null) {
            throw new MalformedRecordException(field + " is missing");
        }
        return s;
    }

    private static byte[] utf8(String s, int max, String field) {
        if (s == null) {
            return null;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > max) {
            throw new IllegalArgumentException(field + " is " + bytes.length + " bytes; at most " + max);
        }
        if (!s.equals(new String(bytes, StandardCharsets.UTF_8))) {
            throw new IllegalArgumentException(field + " is not valid Unicode text (a lone surrogate)");
        }
        return bytes;
    }

    private static String string(ByteBuffer b, int max, String field) {
        int length = b.getInt();
        if (length == NULL_LENGTH) {
            return null;
        }
        if (length < 0 || length > max || length > b.remaining()) {
            throw new MalformedRecordException(field + " has an impossible length " + Integer.toUnsignedString(length));
        }
        ByteBuffer slice = b.slice(b.position(), length);
        b.position(b.position() + length);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new MalformedRecordException(field + " is not valid UTF-8");
        }
    }

    /** A stored record that does not decode or whose hash does not match. */
    static final class MalformedRecordException extends RuntimeException {
        MalformedRecordException(String message) {
            super(message);
        }
    }
}
