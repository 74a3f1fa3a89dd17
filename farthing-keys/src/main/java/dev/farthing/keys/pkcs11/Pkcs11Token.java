package dev.farthing.keys.pkcs11;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * A logged-in read-write session on one PKCS#11 token, found by its label. A PKCS#11 session is not
 * thread-safe, so every operation on it is serialised on this object.
 */
public final class Pkcs11Token implements AutoCloseable {
    private static final Map<Path, Pkcs11Library> LOADED = new ConcurrentHashMap<>();

    final Pkcs11Library lib;
    final long session;
    private boolean closed;

    private Pkcs11Token(Pkcs11Library lib, long session) {
        this.lib = lib;
        this.session = session;
    }

    /** Opens a session on the token labelled {@code tokenLabel} and logs in as the user. */
    public static Pkcs11Token open(Path module, String tokenLabel, char[] userPin) {
        Pkcs11Library lib = LOADED.computeIfAbsent(module.toAbsolutePath(), Pkcs11Library::load);
        try (Arena arena = Arena.ofConfined()) {
            long slot = findSlot(lib, arena, tokenLabel);
            MemorySegment handle = arena.allocate(JAVA_LONG);
            lib.check("C_OpenSession", lib.openSession, slot, Ckr.CKF_SERIAL_SESSION | Ckr.CKF_RW_SESSION,
                    MemorySegment.NULL, MemorySegment.NULL, handle);
            long session = handle.get(JAVA_LONG, 0);
            byte[] pin = new String(userPin).getBytes(StandardCharsets.UTF_8);
            long rv = lib.call("C_Login", lib.login, session, Ckr.CKU_USER, arena.allocateFrom(JAVA_BYTE, pin),
                    (long) pin.length);
            Arrays.fill(pin, (byte) 0);
            if (rv != Ckr.OK && rv != Ckr.USER_ALREADY_LOGGED_IN) {
                lib.call("C_CloseSession", lib.closeSession, session);
                throw new Pkcs11Exception("C_Login", rv);
            }
            return new Pkcs11Token(lib, session);
        }
    }

    private static long findSlot(Pkcs11Library lib, Arena arena, String tokenLabel) {
        MemorySegment count = arena.allocate(JAVA_LONG);
        lib.check("C_GetSlotList", lib.getSlotList, (byte) 1, MemorySegment.NULL, count);
        long n = count.get(JAVA_LONG, 0);
        MemorySegment slots = arena.allocate(JAVA_LONG, Math.max(1, n));
        lib.check("C_GetSlotList", lib.getSlotList, (byte) 1, slots, count);
        MemorySegment info = arena.allocate(512, 8); // CK_TOKEN_INFO is ~208 bytes; label is its first 32
        for (long i = 0; i < count.get(JAVA_LONG, 0); i++) {
            long slot = slots.getAtIndex(JAVA_LONG, i);
            lib.check("C_GetTokenInfo", lib.getTokenInfo, slot, info);
            String label = new String(info.asSlice(0, 32).toArray(JAVA_BYTE), StandardCharsets.UTF_8).trim();
            if (label.equals(tokenLabel)) {
                return slot;
            }
        }
        throw new Pkcs11Exception("no PKCS#11 token labelled '" + tokenLabel + "'");
    }

    /** The value of one attribute; throws with CKR_ATTRIBUTE_SENSITIVE for secrets the token will not reveal. */
    public synchronized byte[] attribute(long object, long type) {
        ensureOpen();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment probe = arena.allocate(Templates.ATTRIBUTE_BYTES, 8);
            probe.set(JAVA_LONG, 0, type);
            probe.set(java.lang.foreign.ValueLayout.ADDRESS, 8, MemorySegment.NULL);
            lib.check("C_GetAttributeValue", lib.getAttributeValue, session, object, probe, 1L);
            long length = probe.get(JAVA_LONG, 16);
            MemorySegment value = arena.allocate(Math.max(1, length));
            probe.set(java.lang.foreign.ValueLayout.ADDRESS, 8, value);
            lib.check("C_GetAttributeValue", lib.getAttributeValue, session, object, probe, 1L);
            return value.asSlice(0, length).toArray(JAVA_BYTE);
        }
    }

    /** The first object of {@code objectClass} with {@code label}, or -1. */
    synchronized long find(long objectClass, String label) {
        ensureOpen();
        try (Arena arena = Arena.ofConfined()) {
            Templates t = new Templates(arena).ulong(Ckr.CKA_CLASS, objectClass)
                    .bytes(Ckr.CKA_LABEL, label.getBytes(StandardCharsets.UTF_8));
            lib.check("C_FindObjectsInit", lib.findObjectsInit, session, t.build(), (long) t.count());
            MemorySegment found = arena.allocate(JAVA_LONG);
            MemorySegment count = arena.allocate(JAVA_LONG);
            try {
                lib.check("C_FindObjects", lib.findObjects, session, found, 1L, count);
            } finally {
                lib.check("C_FindObjectsFinal", lib.findObjectsFinal, session);
            }
            return count.get(JAVA_LONG, 0) == 0 ? -1 : found.get(JAVA_LONG, 0);
        }
    }

    synchronized void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("PKCS#11 session closed");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            lib.call("C_CloseSession", lib.closeSession, session);
        }
    }
}
