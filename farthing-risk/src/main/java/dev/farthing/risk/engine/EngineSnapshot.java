package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.Decision;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.risk.journal.PaymentCodec;
import dev.farthing.risk.policy.Contribution;
import dev.farthing.risk.review.FraudLabel;
import dev.farthing.risk.review.LabelSource;
import dev.farthing.risk.review.ReviewItem;
import dev.farthing.risk.review.ReviewStatus;
import dev.farthing.risk.review.TrainingLabel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.farthing.risk.engine.SnapshotData.bytes;
import static dev.farthing.risk.engine.SnapshotData.count;
import static dev.farthing.risk.engine.SnapshotData.enumAt;
import static dev.farthing.risk.engine.SnapshotData.str;

/**
 * The decision thread's memory at a journal position, so a restart restores it and replays only the records after
 * that position instead of every payment ever decided. Contents: the position and ledger time reached, the
 * assessor's learned state (the feature engine's windows, sketches, payer histories and account graph, in its own
 * checksummed format), the payments not yet settled (pending on the ledger or held, with the request while the
 * ledger has not confirmed it), the review queue and the labels in memory. Settled payments are not in it: the
 * payment index answers for them (a restored book counts them as forgotten at the snapshot's position).
 * The file framing (magic, checksum, atomic replacement) belongs to the store that keeps snapshots.
 */
final class EngineSnapshot {
    /** 2 adds each open payment's submitting key id; version 1 snapshots still read (no submitter). */
    static final int VERSION = 2;

    /**
     * Where the snapshot stands: after {@code records} journal records, the last ending at log offset
     * {@code logOffset} with checksum {@code crc} (so a journal that is not the one it was taken from is noticed),
     * and the ledger time the decision thread had reached.
     */
    record Position(long records, long logOffset, int crc, long lastAt) {
    }

    private EngineSnapshot() {
    }

    /**
     * The snapshot of {@code s} after {@code records} journal records (decision thread, at a batch boundary); null
     * when the assessor cannot save its state. The log offset and checksum of the last record are not known yet
     * (its commit is on its way to disk): {@link #withEnd} adds them once it is durable.
     */
    static byte[] write(EngineState s, long records, long lastAt) {
        byte[] assessor = s.assessor.saveState();
        if (assessor == null) {
            return null;
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream(assessor.length + (1 << 16));
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(buf, 1 << 16))) {
            out.writeLong(0); // log offset and checksum of the last record, filled in by withEnd
            out.writeInt(0);
            out.writeInt(VERSION);
            out.writeLong(records);
            out.writeLong(lastAt);
            bytes(out, assessor);
            List<Map.Entry<String, BookEntry>> open = s.book.unsettledInOrder();
            out.writeInt(open.size());
            for (Map.Entry<String, BookEntry> e : open) {
                writeEntry(out, e.getValue());
            }
            List<ReviewItem> reviews = s.reviews.inOrder();
            out.writeInt(reviews.size());
            for (ReviewItem r : reviews) {
                writeReview(out, r);
            }
            List<TrainingLabel> labels = s.labels.newest(Integer.MAX_VALUE);
            out.writeLong(s.labels.total());
            out.writeInt(labels.size());
            for (TrainingLabel l : labels) {
                str(out, l.paymentId());
                out.writeByte(l.label().ordinal());
                out.writeByte(l.source().ordinal());
                out.writeLong(l.atNanos());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
        return buf.toByteArray();
    }

    /** Restores a snapshot into {@code s}, whose book, reviews and labels must be empty; returns its position. */
    static Position read(byte[] snapshot, EngineState s) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            long logOffset = in.readLong();
            int crc = in.readInt();
            int version = in.readInt();
            if (version != VERSION && version != 1) {
                throw new IOException("unsupported engine snapshot version " + version);
            }
            Position at = new Position(in.readLong(), logOffset, crc, in.readLong());
            byte[] assessor = bytes(in);
            s.assessor.restoreState(assessor);
            int open = count(in, 32);
            for (int i = 0; i < open; i++) {
                BookEntry e = readEntry(in, version);
                s.book.restoreUnsettled(e.result.id(), e);
            }
            int reviews = count(in, 16);
            for (int i = 0; i < reviews; i++) {
                s.reviews.restore(readReview(in));
            }
            long total = in.readLong();
            int n = count(in, 14);
            List<TrainingLabel> labels = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                labels.add(new TrainingLabel(str(in), enumAt(FraudLabel.values(), in.readByte()),
                        enumAt(LabelSource.values(), in.readByte()), in.readLong()));
            }
            s.labels.restore(labels, total);
            if (in.available() != 0) {
                throw new IOException(in.available() + " trailing bytes");
            }
            s.book.forgottenAt(at.records());
            return at;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the risk engine snapshot cannot be read: " + e.getMessage(), e);
        }
    }

    /** Fills in where the snapshot's last record ends in the log, and its checksum. */
    static byte[] withEnd(byte[] snapshot, long logOffset, int crc) {
        java.nio.ByteBuffer.wrap(snapshot).putLong(0, logOffset).putInt(8, crc);
        return snapshot;
    }

    private static void writeEntry(DataOutputStream out, BookEntry e) throws IOException {
        out.write(e.fingerprint);
        PaymentResult r = e.result;
        str(out, r.id());
        out.writeByte(r.decision().ordinal());
        out.writeDouble(r.score());
        str(out, r.modelVersion());
        str(out, r.policyVersion());
        out.writeInt(r.reasons().size());
        for (DecisionReason reason : r.reasons()) {
            str(out, reason.code());
            str(out, reason.detail());
            str(out, reason.explains());
            out.writeInt(reason.contributions().size());
            for (Contribution c : reason.contributions()) {
                str(out, c.feature());
                out.writeDouble(c.value());
                str(out, c.unit());
                out.writeDouble(c.contribution());
            }
        }
        out.writeInt(r.transferIds().size());
        for (String id : r.transferIds()) {
            str(out, id);
        }
        out.writeLong(r.latencyUs());
        out.writeBoolean(r.replayed());
        out.writeByte(r.status().ordinal());
        out.writeLong(r.decidedAt());
        bytes(out, e.request == null ? null : PaymentCodec.bytes(e.request));
        str(out, r.submittedBy());
    }

    private static BookEntry readEntry(DataInputStream in, int version) throws IOException {
        byte[] fingerprint = new byte[16];
        in.readFully(fingerprint);
        String id = str(in);
        Decision decision = enumAt(Decision.values(), in.readByte());
        double score = in.readDouble();
        String model = str(in);
        String policy = str(in);
        int n = count(in, 16);
        List<DecisionReason> reasons = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String code = str(in);
            String detail = str(in);
            String explains = str(in);
            int c = count(in, 24);
            List<Contribution> contributions = new ArrayList<>(c);
            for (int j = 0; j < c; j++) {
                contributions.add(new Contribution(str(in), in.readDouble(), str(in), in.readDouble()));
            }
            reasons.add(new DecisionReason(code, detail, explains, contributions));
        }
        int t = count(in, 4);
        List<String> transfers = new ArrayList<>(t);
        for (int i = 0; i < t; i++) {
            transfers.add(str(in));
        }
        PaymentResult result = new PaymentResult(id, decision, score, model, policy, reasons, transfers, in.readLong(),
                in.readBoolean(), enumAt(PaymentStatus.values(), in.readByte()), in.readLong());
        byte[] request = bytes(in);
        if (version >= 2) {
            result = result.withSubmittedBy(str(in));
        }
        return new BookEntry(fingerprint, result, request == null ? null : PaymentCodec.fromBytes(request));
    }

    private static void writeReview(DataOutputStream out, ReviewItem r) throws IOException {
        str(out, r.paymentId());
        out.writeLong(r.openedAt());
        out.writeDouble(r.score());
        out.writeInt(r.reasonCodes().size());
        for (String code : r.reasonCodes()) {
            str(out, code);
        }
        out.writeLong(r.amount());
        str(out, r.currency());
        out.writeByte(r.status().ordinal());
        out.writeByte(r.label() == null ? -1 : r.label().ordinal());
        out.writeLong(r.resolvedAt());
    }

    private static ReviewItem readReview(DataInputStream in) throws IOException {
        String id = str(in);
        long opened = in.readLong();
        double score = in.readDouble();
        int n = count(in, 4);
        List<String> codes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            codes.add(str(in));
        }
        long amount = in.readLong();
        String currency = str(in);
        ReviewStatus status = enumAt(ReviewStatus.values(), in.readByte());
        int label = in.readByte();
        return new ReviewItem(id, opened, score, codes, amount, currency, status,
                label == -1 ? null : enumAt(FraudLabel.values(), label), in.readLong());
    }
}
