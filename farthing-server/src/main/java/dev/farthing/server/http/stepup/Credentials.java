package dev.farthing.server.http.stepup;

import dev.farthing.recordlog.RecordLog;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Payers' registered WebAuthn credentials (id, P-256 public key as X.509 SubjectPublicKeyInfo, signature
 * counter), on a record log in {@code DATA/stepup/credentials}: REGISTERED records, and COUNTER records after
 * each verified assertion so a cloned or replayed authenticator's counter is refused after a restart too.
 */
final class Credentials implements AutoCloseable {
    static final int MAX_PER_ACCOUNT = 10;
    private static final int REGISTERED = 1;
    private static final int COUNTER = 2;
    private final RecordLog log;
    private final Map<String, List<Credential>> byAccount = new HashMap<>();
    private final Map<String, Credential> byId = new HashMap<>();

    /** One credential; {@code signCount} the highest counter seen. */
    static final class Credential {
        final String account;
        final byte[] id;
        final byte[] publicKey;
        long signCount;

        Credential(String account, byte[] id, byte[] publicKey, long signCount) {
            this.account = account;
            this.id = id;
            this.publicKey = publicKey;
            this.signCount = signCount;
        }
    }

    Credentials(Path dir) {
        this.log = RecordLog.open(dir);
        log.replay(log.startPosition(), r -> apply(r.type(), r.payload()));
    }

    /** Registers a verified credential with the counter its attestation carried; false when the id is taken. */
    synchronized boolean register(String account, byte[] id, byte[] publicKey, long signCount) {
        if (!register(account, id, publicKey)) {
            return false;
        }
        if (signCount > 0) {
            counter(byId.get(HexFormat.of().formatHex(id)), signCount);
        }
        return true;
    }

    private boolean register(String account, byte[] id, byte[] publicKey) {
        String key = HexFormat.of().formatHex(id);
        if (byId.containsKey(key)) {
            return false;
        }
        if (byAccount.getOrDefault(account, List.of()).size() >= MAX_PER_ACCOUNT) {
            throw new IllegalStateException("account " + account + " has " + MAX_PER_ACCOUNT + " credentials already");
        }
        byte[] record = encode(out -> {
            out.writeUTF(account);
            bytes(out, id);
            bytes(out, publicKey);
        });
        log.appendAndSync(REGISTERED, record);
        apply(REGISTERED, record);
        return true;
    }

    synchronized Credential find(String account, byte[] id) {
        Credential c = byId.get(HexFormat.of().formatHex(id));
        return c != null && c.account.equals(account) ? c : null;
    }

    synchronized List<Credential> of(String account) {
        return List.copyOf(byAccount.getOrDefault(account, List.of()));
    }

    synchronized void counter(Credential c, long signCount) {
        byte[] record = encode(out -> {
            bytes(out, c.id);
            out.writeLong(signCount);
        });
        log.appendAndSync(COUNTER, record);
        c.signCount = signCount;
    }

    private void apply(int type, byte[] payload) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload))) {
            if (type == REGISTERED) {
                Credential c = new Credential(in.readUTF(), bytes(in), bytes(in), 0);
                byId.put(HexFormat.of().formatHex(c.id), c);
                byAccount.computeIfAbsent(c.account, a -> new ArrayList<>()).add(c);
            } else if (type == COUNTER) {
                Credential c = byId.get(HexFormat.of().formatHex(bytes(in)));
                long count = in.readLong();
                if (c != null) {
                    c.signCount = Math.max(c.signCount, count);
                }
            } else {
                throw new IllegalStateException("unknown credential record type " + type);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("damaged credential record", e);
        }
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] encode(Body body) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(buf)) {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toByteArray();
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeShort(b.length);
        out.write(b);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readUnsignedShort()];
        in.readFully(b);
        return b;
    }

    @Override
    public void close() {
        log.close();
    }
}
