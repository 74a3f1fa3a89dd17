package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.contracts.payment.PaymentStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * What the engine remembers about one payment id. Mutated only by the decision thread; {@code result} is
 * volatile so readers on other threads see the latest state.
 */
final class BookEntry {
    final byte[] fingerprint;
    volatile PaymentResult result;
    /** Kept until the ledger has confirmed or refused the legs (needed to re-submit them). */
    PaymentRequest request;
    /** Submits (first and repeats) waiting for the ledger's answer. */
    final List<Waiter> waiters = new ArrayList<>(1);
    boolean legsInFlight;
    boolean resolving;

    BookEntry(byte[] fingerprint, PaymentResult result, PaymentRequest request) {
        this.fingerprint = fingerprint;
        this.result = result;
        this.request = request;
    }

    boolean settled() {
        PaymentStatus s = result.status();
        return !resolving && !legsInFlight && s != PaymentStatus.LEDGER_PENDING && s != PaymentStatus.HELD;
    }
}
