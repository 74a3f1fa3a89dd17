package dev.farthing.settlement.connector;

/**
 * What a submit came back with. {@link Unknown} is the dangerous one: the provider may have paid. A payout in
 * that state is never resubmitted anywhere before {@link PayoutConnector#status} says what happened.
 */
public sealed interface SubmitOutcome {

    /** The provider took it; it is now pending at the provider under {@code providerReference}. */
    record Accepted(String providerReference) implements SubmitOutcome {
    }

    /** The provider refused it before doing anything; {@code retryable} says whether another provider may try. */
    record Refused(String reason, boolean retryable) implements SubmitOutcome {
    }

    /** No answer (a timeout, a dropped connection): the payout's state at the provider is not known. */
    record Unknown(String reason) implements SubmitOutcome {
    }
}
