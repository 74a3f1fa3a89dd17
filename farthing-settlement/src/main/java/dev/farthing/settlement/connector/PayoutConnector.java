package dev.farthing.settlement.connector;

import java.time.LocalDate;
import java.util.List;

/**
 * One payment provider. Implementations: ISO 20022 files for banks (pain.001 out, camt.053/054 in) and an HTTP
 * provider with signed webhooks. Every call carries the instruction's idempotency key, so calling again after a
 * lost answer is safe; none of them may block longer than the connector's configured timeout (it answers
 * {@link SubmitOutcome.Unknown} or {@link ProviderStatus.Unreachable} instead).
 */
public interface PayoutConnector extends AutoCloseable {

    /** Stable id used in routing, reasons and the provider's adjustment accounts, e.g. {@code sepa-bank}. */
    String providerId();

    SubmitOutcome submit(PayoutInstruction instruction);

    ProviderStatus status(String idempotencyKey);

    /** Asks the provider to stop a pending payout; true only when the provider confirms it will not pay. */
    boolean cancel(String idempotencyKey);

    /** The provider's booked lines with value dates in {@code [from, to]}. */
    List<StatementLine> statement(LocalDate from, LocalDate to);

    @Override
    void close();
}
