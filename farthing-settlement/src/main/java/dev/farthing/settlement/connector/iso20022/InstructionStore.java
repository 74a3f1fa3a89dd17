package dev.farthing.settlement.connector.iso20022;

import dev.farthing.settlement.connector.PayoutInstruction;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The bank connector's durable state: one file per staged payout ({@code instructions/}) and one manifest per batch
 * ({@code batches/}, written before its pain.001, so a crash between the two re-writes the same file under the same
 * MsgId instead of putting the payouts in a second batch). Every file is written atomically.
 */
final class InstructionStore {

    /** A payout the connector accepted: its instruction, execution date, and batch once released. */
    record Staged(PayoutInstruction instruction, LocalDate executionDate, String batch, boolean cancelled) {
    }

    /** A batch: its MsgId, when it was created, its execution date and its payouts' idempotency keys. */
    record Batch(String msgId, Instant createdAt, LocalDate executionDate, List<String> keys, boolean written) {
    }

    private final Path instructions;
    private final Path batches;
    private final Map<String, Staged> byKey = new LinkedHashMap<>();
    private final Map<String, Batch> byMsgId = new LinkedHashMap<>();

    InstructionStore(Path stateDir) {
        this.instructions = stateDir.resolve("instructions");
        this.batches = stateDir.resolve("batches");
        load();
    }

    Staged get(String key) {
        return byKey.get(key);
    }

    Map<String, Batch> batches() {
        return byMsgId;
    }

    List<Staged> unreleased(LocalDate executionDate) {
        List<Staged> out = new ArrayList<>();
        for (Staged s : byKey.values()) {
            if (s.batch() == null && !s.cancelled() && !s.executionDate().isAfter(executionDate)) {
                out.add(s);
            }
        }
        return out;
    }

    void stage(PayoutInstruction in, LocalDate executionDate) {
        assert !byKey.containsKey(in.idempotencyKey()) : "staged twice: " + in.idempotencyKey();
        Staged s = new Staged(in, executionDate, null, false);
        writeInstruction(s);
        byKey.put(in.idempotencyKey(), s);
    }

    void cancel(String key) {
        Staged s = byKey.get(key);
        assert s != null && s.batch() == null : "only an unreleased payout can be cancelled";
        Staged c = new Staged(s.instruction(), s.executionDate(), null, true);
        writeInstruction(c);
        byKey.put(key, c);
    }

    /** Records a batch's membership durably; from here on its payouts belong to it, whatever happens next. */
    void recordBatch(Batch b) {
        Properties p = new Properties();
        p.setProperty("msgId", b.msgId());
        p.setProperty("createdAt", b.createdAt().toString());
        p.setProperty("executionDate", b.executionDate().toString());
        p.setProperty("count", Integer.toString(b.keys().size()));
        for (int i = 0; i < b.keys().size(); i++) {
            p.setProperty("key." + i, b.keys().get(i));
        }
        AtomicFiles.write(batches.resolve(b.msgId() + ".batch"), store(p));
        byMsgId.put(b.msgId(), b);
        for (String key : b.keys()) {
            Staged s = byKey.get(key);
            byKey.put(key, new Staged(s.instruction(), s.executionDate(), b.msgId(), false));
        }
    }

    void markWritten(String msgId) {
        AtomicFiles.write(batches.resolve(msgId + ".written"), new byte[0]);
        Batch b = byMsgId.get(msgId);
        byMsgId.put(msgId, new Batch(b.msgId(), b.createdAt(), b.executionDate(), b.keys(), true));
    }

    int batchesOn(LocalDate executionDate) {
        return (int) byMsgId.values().stream().filter(b -> b.executionDate().equals(executionDate)).count();
    }

    private void writeInstruction(Staged s) {
        PayoutInstruction in = s.instruction();
        Properties p = new Properties();
        p.setProperty("idempotencyKey", in.idempotencyKey());
        p.setProperty("payoutId", in.payoutId());
        p.setProperty("payeeId", in.payeeId());
        p.setProperty("currency", in.currency());
        p.setProperty("scale", Integer.toString(in.scale()));
        p.setProperty("amountMinor", Long.toString(in.amountMinor()));
        p.setProperty("country", in.country());
        p.setProperty("beneficiaryName", in.beneficiaryName());
        p.setProperty("beneficiaryAccount", in.beneficiaryAccount());
        p.setProperty("executionDate", s.executionDate().toString());
        p.setProperty("cancelled", Boolean.toString(s.cancelled()));
        AtomicFiles.write(instructions.resolve(fileName(in.idempotencyKey())), store(p));
    }

    private void load() {
        for (Path f : list(instructions, ".payout")) {
            Properties p = read(f);
            PayoutInstruction in = new PayoutInstruction(p.getProperty("idempotencyKey"), p.getProperty("payoutId"),
                    p.getProperty("payeeId"), p.getProperty("currency"), Integer.parseInt(p.getProperty("scale")),
                    Long.parseLong(p.getProperty("amountMinor")), p.getProperty("country"),
                    p.getProperty("beneficiaryName"), p.getProperty("beneficiaryAccount"));
            byKey.put(in.idempotencyKey(), new Staged(in, LocalDate.parse(p.getProperty("executionDate")), null,
                    Boolean.parseBoolean(p.getProperty("cancelled"))));
        }
        for (Path f : list(batches, ".batch")) {
            Properties p = read(f);
            List<String> keys = new ArrayList<>();
            int count = Integer.parseInt(p.getProperty("count"));
            for (int i = 0; i < count; i++) {
                keys.add(p.getProperty("key." + i));
            }
            String msgId = p.getProperty("msgId");
            boolean written = Files.exists(batches.resolve(msgId + ".written"));
            Batch b = new Batch(msgId, Instant.parse(p.getProperty("createdAt")),
                    LocalDate.parse(p.getProperty("executionDate")), List.copyOf(keys), written);
            byMsgId.put(msgId, b);
            for (String key : keys) {
                Staged s = byKey.get(key);
                if (s == null) {
                    throw new IllegalStateException("batch " + msgId + " names a payout with no instruction file: " + key);
                }
                byKey.put(key, new Staged(s.instruction(), s.executionDate(), msgId, false));
            }
        }
    }

    private static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(suffix)
                    && !f.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static Properties read(Path f) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(f, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read connector state " + f, e);
        }
        return p;
    }

    private static byte[] store(Properties p) {
        StringWriter w = new StringWriter();
        try {
            p.store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Keys may hold any character; file names do not. */
    private static String fileName(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16) + ".payout";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
