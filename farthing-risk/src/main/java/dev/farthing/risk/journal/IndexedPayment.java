package dev.farthing.risk.journal;

import dev.farthing.contracts.payment.Decision;
import dev.farthing.risk.engine.DecisionReason;
import dev.farthing.risk.policy.Contribution;
import dev.farthing.risk.engine.PaymentResult;
import dev.farthing.contracts.payment.PaymentStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the payment index keeps per payment id: the fingerprint of the original request body (an equal body is
 * a retry, another is a conflict) and the payment's answer as it stands now (original decision, reasons,
 * transfer ids; status as challenges and reviews left it).
 */
public record IndexedPayment(byte[] fingerprint, PaymentResult result) {
    private static final int FORMAT = 1;
    /** Tag of the optional section holding each reason's explains and contributions (as in the journal). */
    private static final int CONTRIBUTIONS = 0x43;
    /** Tag of the optional section holding the submitting API key id. */
    private static final int SUBMITTER = 0x53;

    public IndexedPayment {
        Objects.requireNonNull(result, "result");
        if (fingerprint == null || fingerprint.length != 16) {
            throw new IllegalArgumentException("a payment fingerprint is 16 bytes");
        }
    }

    byte[] encode() {
        ByteWriter w = new ByteWriter(128);
        w.u8(FORMAT);
        for (byte b : fingerprint) {
            w.u8(b & 0xff);
        }
        PaymentResult r = result;
        w.str(r.id());
        w.u8(r.decision().ordinal());
        w.f64(r.score());
        w.str(r.modelVersion());
        w.str(r.policyVersion());
        w.i32(r.reasons().size());
        for (DecisionReason reason : r.reasons()) {
            w.str(reason.code());
            w.str(reason.detail());
        }
        w.i32(r.transferIds().size());
        for (String id : r.transferIds()) {
            w.str(id);
        }
        w.i64(r.latencyUs());
        w.u8(r.status().ordinal());
        w.i64(r.decidedAt());
        // Optional trailing section, so entries written before it existed still read: the reasons' explanations.
        if (r.reasons().stream().anyMatch(reason -> !reason.contributions().isEmpty())) {
            w.u8(CONTRIBUTIONS);
            for (DecisionReason reason : r.reasons()) {
                w.str(reason.explains());
                w.i32(reason.contributions().size());
                for (Contribution c : reason.contributions()) {
                    w.str(c.feature());
                    w.f64(c.value());
                    w.str(c.unit());
                    w.f64(c.contribution());
                }
            }
        }
        if (r.submittedBy() != null) {
            w.u8(SUBMITTER);
            w.str(r.submittedBy());
        }
        return java.util.Arrays.copyOf(w.array(), w.size());
    }

    static IndexedPayment decode(byte[] bytes) {
        ByteReader in = new ByteReader(bytes, 0, bytes.length);
        int format = in.u8();
        if (format != FORMAT) {
            throw new IllegalStateException("payment index entry has unknown format " + format);
        }
        byte[] fingerprint = new byte[16];
        for (int i = 0; i < fingerprint.length; i++) {
            fingerprint[i] = (byte) in.u8();
        }
        String id = in.str();
        Decision decision = Decision.values()[in.u8()];
        double score = in.f64();
        String model = in.str();
        String policy = in.str();
        int n = in.count(8);
        List<DecisionReason> reasons = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            reasons.add(new DecisionReason(in.str(), in.str()));
        }
        int legs = in.count(4);
        List<String> transferIds = new ArrayList<>(legs);
        for (int i = 0; i < legs; i++) {
            transferIds.add(in.str());
        }
        long latencyUs = in.i64();
        PaymentStatus status = PaymentStatus.values()[in.u8()];
        long decidedAt = in.i64();
        String submittedBy = null;
        while (!in.atEnd()) {
            int section = in.u8();
            if (section == SUBMITTER && submittedBy == null) {
                submittedBy = in.str();
                continue;
            }
            if (section != CONTRIBUTIONS) {
                throw new IllegalStateException("unknown section " + section + " in the payment index entry of " + id);
            }
            for (int i = 0; i < n; i++) {
                String explains = in.str();
                int count = in.count(24);
                List<Contribution> contributions = new ArrayList<>(count);
                for (int c = 0; c < count; c++) {
                    contributions.add(new Contribution(in.str(), in.f64(), in.str(), in.f64()));
                }
                DecisionReason plain = reasons.get(i);
                reasons.set(i, new DecisionReason(plain.code(), plain.detail(), explains, contributions));
            }
        }
        return new IndexedPayment(fingerprint, new PaymentResult(id, decision, score, model, policy, reasons,
                transferIds, latencyUs, false, status, decidedAt, submittedBy));
    }
}
