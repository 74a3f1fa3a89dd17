package dev.farthing.risk.journal;

import dev.farthing.risk.engine.Assessment;
import dev.farthing.contracts.payment.Decision;
import dev.farthing.risk.engine.DecisionReason;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.risk.policy.Contribution;
import dev.farthing.risk.review.FraudLabel;
import dev.farthing.risk.review.LabelSource;
import dev.farthing.risk.review.TrainingLabel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Record payloads: one type byte, then the fields. Enums are written by ordinal; append new constants last. */
final class RecordCodec {
    private static final int DECIDED = 1;
    private static final int APPLIED = 2;
    private static final int REFUSED = 3;
    private static final int RESOLVED = 4;
    private static final int LABELLED = 5;
    /**
     * Optional tagged sections after a Decided record's fields, so records written before a section existed
     * still read: CONTRIBUTIONS = per reason, explains then (feature, value, unit, contribution) entries.
     */
    private static final int CONTRIBUTIONS = 0x43;
    /** SUBMITTER = the submitting API key id (absent in records from before it was kept). */
    private static final int SUBMITTER = 0x53;

    private RecordCodec() {
    }

    static void write(ByteWriter w, RiskRecord record) {
        switch (record) {
            case RiskRecord.Decided d -> {
                w.u8(DECIDED);
                PaymentCodec.write(w, d.payment());
                w.i64(d.atNanos());
                w.i64(d.latencyUs());
                writeAssessment(w, d.assessment());
                if (d.submittedBy() != null) {
                    w.u8(SUBMITTER);
                    w.str(d.submittedBy());
                }
            }
            case RiskRecord.LedgerApplied a -> {
                w.u8(APPLIED);
                w.str(a.paymentId());
            }
            case RiskRecord.LedgerRefused r -> {
                w.u8(REFUSED);
                w.str(r.paymentId());
                w.str(r.code());
                w.str(r.detail());
            }
            case RiskRecord.Resolved r -> {
                w.u8(RESOLVED);
                w.str(r.paymentId());
                w.u8(r.outcome().ordinal());
                w.str(r.via());
                w.u8(r.label() == null ? 255 : r.label().ordinal());
                w.i64(r.atNanos());
            }
            case RiskRecord.Labelled l -> {
                w.u8(LABELLED);
                w.str(l.label().paymentId());
                w.u8(l.label().label().ordinal());
                w.u8(l.label().source().ordinal());
                w.i64(l.label().atNanos());
            }
        }
    }

    private static void writeAssessment(ByteWriter w, Assessment a) {
        w.u8(a.decision().ordinal());
        w.f64(a.score());
        w.str(a.modelVersion());
        w.str(a.policyVersion());
        w.i32(a.reasons().size());
        for (DecisionReason r : a.reasons()) {
            w.str(r.code());
            w.str(r.detail());
        }
        writeMap(w, a.features());
        writeMap(w, a.shadowScores());
        if (a.reasons().stream().anyMatch(r -> !r.contributions().isEmpty())) {
            w.u8(CONTRIBUTIONS);
            for (DecisionReason r : a.reasons()) {
                w.str(r.explains());
                w.i32(r.contributions().size());
                for (Contribution c : r.contributions()) {
                    w.str(c.feature());
                    w.f64(c.value());
                    w.str(c.unit());
                    w.f64(c.contribution());
                }
            }
        }
    }

    private static void writeMap(ByteWriter w, Map<String, Double> map) {
        w.i32(map.size());
        for (Map.Entry<String, Double> e : map.entrySet()) {
            w.str(e.getKey());
            w.f64(e.getValue());
        }
    }

    static RiskRecord read(ByteReader r) {
        int type = r.u8();
        RiskRecord record = switch (type) {
            case DECIDED -> readDecided(r);
            case APPLIED -> new RiskRecord.LedgerApplied(r.str());
            case REFUSED -> new RiskRecord.LedgerRefused(r.str(), r.str(), r.str());
            case RESOLVED -> new RiskRecord.Resolved(r.str(), enumAt(PaymentStatus.values(), r.u8()), r.str(),
                    optionalLabel(r.u8()), r.i64());
            case LABELLED -> new RiskRecord.Labelled(new TrainingLabel(r.str(), enumAt(FraudLabel.values(), r.u8()),
                    enumAt(LabelSource.values(), r.u8()), r.i64()));
            default -> throw new IllegalStateException("unknown record type " + type);
        };
        if (!r.atEnd()) {
            throw new IllegalStateException("trailing bytes after record type " + type);
        }
        return record;
    }

    private static RiskRecord.Decided readDecided(ByteReader r) {
        var payment = PaymentCodec.read(r);
        long at = r.i64();
        long latencyUs = r.i64();
        Decision decision = enumAt(Decision.values(), r.u8());
        double score = r.f64();
        String model = r.str();
        String policy = r.str();
        int n = r.count(8);
        List<DecisionReason> reasons = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            reasons.add(new DecisionReason(r.str(), r.str()));
        }
        Map<String, Double> features = readMap(r);
        Map<String, Double> shadows = readMap(r);
        String submittedBy = null;
        while (!r.atEnd()) {
            int section = r.u8();
            if (section == SUBMITTER) {
                submittedBy = r.str();
                continue;
            }
            if (section != CONTRIBUTIONS) {
                throw new IllegalStateException("unknown decided-record section " + section);
            }
            for (int i = 0; i < n; i++) {
                String explains = r.str();
                int count = r.count(24);
                List<Contribution> contributions = new ArrayList<>(count);
                for (int c = 0; c < count; c++) {
                    contributions.add(new Contribution(r.str(), r.f64(), r.str(), r.f64()));
                }
                DecisionReason plain = reasons.get(i);
                reasons.set(i, new DecisionReason(plain.code(), plain.detail(), explains, contributions));
            }
        }
        return new RiskRecord.Decided(payment, at,
                new Assessment(decision, score, model, policy, reasons, features, shadows), latencyUs, submittedBy);
    }

    private static Map<String, Double> readMap(ByteReader r) {
        int n = r.count(12);
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(r.str(), r.f64());
        }
        return map;
    }

    private static FraudLabel optionalLabel(int ordinal) {
        return ordinal == 255 ? null : enumAt(FraudLabel.values(), ordinal);
    }

    private static <E> E enumAt(E[] values, int ordinal) {
        if (ordinal >= values.length) {
            throw new IllegalStateException("bad enum ordinal " + ordinal);
        }
        return values[ordinal];
    }
}
