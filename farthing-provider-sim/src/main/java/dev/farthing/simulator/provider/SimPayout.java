package dev.farthing.simulator.provider;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** One payout in a simulated provider's books. Mutated only under its provider's lock. */
final class SimPayout {

    enum State { PENDING, PAID, FAILED }

    /** What the client asked for; a replay under the same idempotency key must ask for the same. */
    record Request(String payoutId, String payeeId, String currency, int scale, long amountMinor, String country,
                   String beneficiaryName, String beneficiaryAccount) {
    }

    final String idempotencyKey;
    final String providerReference;
    final Request request;
    final long feeMinor;
    final Instant acceptedAt;
    final Instant settleAt;
    State state = State.PENDING;
    LocalDate valueDate;
    String reason;

    SimPayout(String idempotencyKey, String providerReference, Request request, long feeMinor, Instant acceptedAt,
              Instant settleAt) {
        this.idempotencyKey = idempotencyKey;
        this.providerReference = providerReference;
        this.request = request;
        this.feeMinor = feeMinor;
        this.acceptedAt = acceptedAt;
        this.settleAt = settleAt;
    }

    void pay() {
        state = State.PAID;
        valueDate = LocalDate.ofInstant(settleAt, ZoneOffset.UTC);
    }

    void fail(String why) {
        state = State.FAILED;
        reason = why;
    }

    /** The provider's view of the payout, as status answers and webhooks carry it. */
    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("idempotencyKey", idempotencyKey);
        o.put("payoutId", request.payoutId());
        o.put("providerReference", providerReference);
        o.put("status", state.name().toLowerCase(java.util.Locale.ROOT));
        o.put("currency", request.currency());
        o.put("amountMinor", request.amountMinor());
        o.put("country", request.country());
        // A fee is charged only when the money moved.
        o.put("feeMinor", state == State.PAID ? feeMinor : 0);
        if (valueDate != null) {
            o.put("valueDate", valueDate.toString());
        } else {
            o.putNull("valueDate");
        }
        if (reason != null) {
            o.put("reason", reason);
        } else {
            o.putNull("reason");
        }
        return o;
    }
}
