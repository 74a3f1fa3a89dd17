package dev.farthing.settlement.store;

import dev.farthing.settlement.payout.Payee;

import java.util.List;
import java.util.Map;

/**
 * What the settlement state is made of: each change is one of these, durable in the record log before it is
 * applied, and replayed in order on start. Ledger moves are named by deterministic transfer ids, so redoing the
 * moves an event implies after a crash is an idempotent repeat, never a second payment.
 */
public sealed interface SettlementEvent {

    record PayeeSet(Payee payee, long at) implements SettlementEvent {
    }

    record BatchOpened(String batchId, String trigger, List<String> payoutIds, long at) implements SettlementEvent {
    }

    record PayoutCreated(String payoutId, String batchId, String payeeId, String account, String currency,
                         long ledgerAmount, long minorAmount, int minorScale, String country, String beneficiaryName,
                         String beneficiaryAccount, Map<String, Long> netting, long at,
                         dev.farthing.settlement.payout.PayoutFx fx) implements SettlementEvent {
    }

    record HoldPlaced(String payoutId, long at) implements SettlementEvent {
    }

    /** Written before the submit: a crash after it leaves the attempt in doubt, to be asked about, not resent. */
    record AttemptRouted(String payoutId, int attempt, String provider, String idempotencyKey, String reason,
                         long at) implements SettlementEvent {
    }

    record AttemptAnswered(String payoutId, int attempt, String outcome, String providerReference, String detail,
                           long latencyMillis, long at) implements SettlementEvent {
    }

    /** {@code evidence}: how it became known (submit, poll, webhook, statement). */
    record PayoutPaid(String payoutId, String providerReference, long amountMinor, long feeMinor, String valueDate,
                      String evidence, long at) implements SettlementEvent {
    }

    record PayoutFailed(String payoutId, String reason, long at) implements SettlementEvent {
    }

    /** The ledger moves for the payout's end are done: {@code paid}, {@code voided} or {@code returned}. */
    record PayoutBooked(String payoutId, String booking, long at) implements SettlementEvent {
    }

    record StatementReceived(String statementId, String provider, List<Line> lines, long at) implements SettlementEvent {
    }

    /** One statement line dealt with: matched (perhaps with an adjustment), a duplicate, or an exception. */
    record LineSettled(String statementId, String lineId, String payoutId, String result, String adjustmentAccount,
                       long adjustmentMinor, String reason, long at) implements SettlementEvent {
    }

    record ExceptionRaised(String exceptionId, String provider, String statementId, String lineId, String payoutId,
                           String code, String explanation, long at) implements SettlementEvent {
    }

    /** A quoted rate (decimal text), its source and time (epoch nanoseconds). */
    record FxRateSet(String base, String quote, String rate, String source, long asOfNanos) implements SettlementEvent {
    }

    /**
     * A conversion booked through the FX accounts: what was debited, credited, kept as spread and rounding, and the
     * sub-unit remainder of the pair carried to the next conversion (exact decimal text).
     */
    record FxConverted(String conversionId, String pair, String fromAccount, String toAccount, long source,
                       long credited, long spread, long rounding, String carryAfter, String rate, String rateSource,
                       int spreadBps, long at) implements SettlementEvent {
    }

    /** A statement line as stored (the connector's {@code StatementLine}, dates as ISO text). */
    record Line(String lineId, String endToEndReference, String providerReference, String kind, String currency,
                long amountMinor, String valueDate, String description) {
    }
}
