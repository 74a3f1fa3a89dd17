package dev.farthing.server.http.risk;

import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.risk.engine.PaymentResult;

/**
 * Told of every payment that was decided and moved money (first answers only, not repeats), with the key id that
 * submitted it; the disputes adapter keeps them as evidence. Runs on the request thread: it must be quick and must
 * not throw (a throw is logged, never the cause of a failed payment).
 */
@FunctionalInterface
public interface PaymentObserver {
    void paid(PaymentRequest payment, PaymentResult result, String keyId);
}
