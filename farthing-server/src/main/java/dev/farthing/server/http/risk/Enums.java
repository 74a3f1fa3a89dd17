package dev.farthing.server.http.risk;

import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.risk.review.FraudLabel;
import dev.farthing.risk.review.LabelSource;
import dev.farthing.risk.review.Verdict;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.JsonIn;

/** Strict readers of the risk API's enumerated string fields. */
final class Enums {
    private Enums() {
    }

    static FraudLabel label(JsonIn in, String field) {
        FraudLabel l = FraudLabel.parse(in.string(field));
        if (l == null) {
            throw in.invalid(field, "must be fraud or legit");
        }
        return l;
    }

    static LabelSource source(JsonIn in, String field) {
        LabelSource s = LabelSource.parse(in.string(field));
        if (s == null) {
            throw in.invalid(field, "must be chargeback, dispute or review");
        }
        return s;
    }

    /** A {@code ?status=} value: the wire form of a {@link PaymentStatus}, else 400 naming the choices. */
    static PaymentStatus paymentStatus(String wire) {
        for (PaymentStatus s : PaymentStatus.values()) {
            if (s.wire().equals(wire)) {
                return s;
            }
        }
        throw ApiException.invalid("status must be all, ledger_pending, posted, held, voided, expired or none");
    }

    static Verdict verdict(JsonIn in, String field) {
        Verdict v = Verdict.parse(in.string(field));
        if (v == null) {
            throw in.invalid(field, "must be approve or decline");
        }
        return v;
    }
}
