package dev.farthing.settlement.payout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One payout of one payee in one currency, as the settlement state knows it. Immutable: every event gives a new
 * value. {@code ledgerAmount} is what the hold takes from the payee's account (ledger units of
 * {@link #holdCurrency()}); {@code minorAmount} what the provider is asked to pay (the currency's minor units; exactly
 * {@code ledgerAmount} at the ledger's finer scale, or, with {@code fx}, its conversion rounded down). {@code netting} is the breakdown the amount came from (earnings, refunds, chargebacks, fees,
 * reserve), in ledger units.
 *
 * @param booked what the ledger has done for the payout's end: {@code null}, {@code paid}, {@code voided}, {@code returned}
 */
public record Payout(String id, String batchId, String payeeId, String account, String currency, long ledgerAmount,
                     long minorAmount, int minorScale, String country, String beneficiaryName, String beneficiaryAccount,
                     Map<String, Long> netting, long createdAt, PayoutStatus status, List<Attempt> attempts,
                     String providerReference, long feeMinor, String valueDate, String failure, String evidence,
                     String booked, PayoutFx fx) {

    public Payout {
        netting = Map.copyOf(netting);
        attempts = List.copyOf(attempts);
        assert ledgerAmount > 0 && minorAmount > 0 : "a payout moves money: " + ledgerAmount;
    }

    public static Payout created(String id, String batchId, String payeeId, String account, String currency,
                                 long ledgerAmount, long minorAmount, int minorScale, String country, String name,
                                 String beneficiaryAccount, Map<String, Long> netting, long at, PayoutFx fx) {
        return new Payout(id, batchId, payeeId, account, currency, ledgerAmount, minorAmount, minorScale, country, name,
                beneficiaryAccount, netting, at, PayoutStatus.CREATED, List.of(), null, 0, null, null, null, null, fx);
    }

    /** The currency the hold takes from the payee's account: the payout's, or the source of its conversion. */
    public String holdCurrency() {
        return fx == null ? currency : fx.sourceCurrency();
    }

    public String holdTransferId() {
        return "sett.hold." + id;
    }

    public Attempt lastAttempt() {
        return attempts.isEmpty() ? null : attempts.getLast();
    }

    /** The provider that has (or may have) it: the last attempt's, unless that one was refused or never arrived. */
    public String activeProvider() {
        Attempt a = lastAttempt();
        if (a == null || Attempt.REFUSED.equals(a.outcome()) || Attempt.REFUSED_FINAL.equals(a.outcome())
                || Attempt.NOT_ARRIVED.equals(a.outcome())) {
            return null;
        }
        return a.provider();
    }

    public Payout withStatus(PayoutStatus s) {
        return new Payout(id, batchId, payeeId, account, currency, ledgerAmount, minorAmount, minorScale, country,
                beneficiaryName, beneficiaryAccount, netting, createdAt, s, attempts, providerReference, feeMinor,
                valueDate, failure, evidence, booked, fx);
    }

    public Payout withAttempt(Attempt a) {
        List<Attempt> list = new ArrayList<>(attempts);
        if (!list.isEmpty() && list.getLast().number() == a.number()) {
            list.set(list.size() - 1, a);
        } else {
            list.add(a);
        }
        return new Payout(id, batchId, payeeId, account, currency, ledgerAmount, minorAmount, minorScale, country,
                beneficiaryName, beneficiaryAccount, netting, createdAt, status, list, providerReference, feeMinor,
                valueDate, failure, evidence, booked, fx);
    }

    public Payout paid(String reference, long fee, String date, String how) {
        return new Payout(id, batchId, payeeId, account, currency, ledgerAmount, minorAmount, minorScale, country,
                beneficiaryName, beneficiaryAccount, netting, createdAt, PayoutStatus.PAID, attempts,
                reference == null ? providerReference : reference, fee, date, null, how, booked, fx);
    }

    public Payout failed(String reason) {
        return new Payout(id, batchId, payeeId, account, currency, ledgerAmount, minorAmount, minorScale, country,
                beneficiaryName, beneficiaryAccount, netting, createdAt, PayoutStatus.FAILED, attempts,
                providerReference, feeMinor, valueDate, reason, evidence, booked, fx);
    }

    public Payout withReference(String reference) {
        return new Payout(id, batchId, payeeId, account, currency, ledgerAmount, minorAmount, minorScale, country,
                beneficiaryName, beneficiaryAccount, netting, createdAt, status, attempts, reference, feeMinor,
                valueDate, failure, evidence, booked, fx);
    }

    public Payout withFee(long fee) {
        return new Payout(id, batchId, payeeId, account, currency, ledgerAmount, minorAmount, minorScale, country,
                beneficiaryName, beneficiaryAccount, netting, createdAt, status, attempts, providerReference, fee,
                valueDate, failure, evidence, booked, fx);
    }

    public Payout withBooked(String what) {
        return new Payout(id, batchId, payeeId, account, currency, ledgerAmount, minorAmount, minorScale, country,
                beneficiaryName, beneficiaryAccount, netting, createdAt, status, attempts, providerReference, feeMinor,
                valueDate, failure, evidence, what, fx);
    }
}
