package dev.farthing.server.http.risk;

import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.server.http.PaymentGate;

/**
 * Replaces a payment's identifying signals (device id, IP, session id, instrument id) with their keyed pseudonyms
 * at the server boundary, after the body was validated and before the risk engine, its journal or its feature
 * engine see it. Tokens preserve equality, so every feature (novelty, entity windows, shared-device graphs) is
 * computed exactly as on raw values; IP tokens also keep the address class.
 */
public final class PaymentPseudonyms {
    private PaymentPseudonyms() {
    }

    public static PaymentRequest pseudonymise(PaymentRequest p, PaymentGate gate) {
        PaymentContext c = p.context();
        PaymentContext tokenised = new PaymentContext(gate.pseudonym("device", c.deviceId()), gate.pseudonym("ip", c.ip()),
                c.country(), c.geo(), c.userAgent(), gate.pseudonym("session", c.sessionId()), c.contentId(),
                c.contentStartedAtNanos(), gate.pseudonym("instrument", c.instrumentId()), c.accountCreatedAtNanos(),
                c.telemetry());
        return new PaymentRequest(p.id(), p.payer(), p.payee(), p.amount(), p.currency(), p.fee(), tokenised);
    }
}
