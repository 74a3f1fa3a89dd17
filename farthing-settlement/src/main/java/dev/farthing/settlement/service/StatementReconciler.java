package dev.farthing.settlement.service;

import dev.farthing.settlement.connector.ProviderStatus;
import dev.farthing.settlement.money.UnitBridge;
import dev.farthing.settlement.payout.Payout;
import dev.farthing.settlement.payout.PayoutStatus;
import dev.farthing.settlement.recon.ReconException;
import dev.farthing.settlement.recon.Tolerance;
import dev.farthing.settlement.store.SettlementEvent.Line;
import dev.farthing.settlement.store.SettlementEvent.LineSettled;
import dev.farthing.settlement.store.SettlementEvent.PayoutBooked;
import dev.farthing.settlement.store.SettlementEvent.StatementReceived;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Matches statement lines to payouts by reference (ours, else the provider's), then amount, currency and value
 * date. A line is settled exactly once (durably: {@link LineSettled} or an exception), so an import killed half
 * way resumes where it stopped and books nothing twice (adjustment transfer ids come from the line). A debit line
 * for a payout still in doubt is the evidence that it was paid.
 */
final class StatementReconciler {
    private final Core core;
    private final PayoutRunner runner;

    StatementReconciler(Core core, PayoutRunner runner) {
        this.core = core;
        this.runner = runner;
    }

    /** Settles every line of the statement not yet settled, then looks for paid payouts the statement should show. */
    void process(StatementReceived s) {
        LocalDate latest = null;
        for (Line line : s.lines()) {
            LocalDate d = LocalDate.parse(line.valueDate());
            if (latest == null || d.isAfter(latest)) latest = d;
            if (!core.state.settledLines.contains(s.statementId() + "/" + line.lineId())) settle(s, line);
        }
        if (latest != null) findMissing(s.provider(), latest);
    }

    private void settle(StatementReceived s, Line line) {
        String provider = s.provider();
        if (core.state.seenLines.contains(provider + "/" + line.lineId())) {
            record(s, line, null, "duplicate", null, 0, "line " + line.lineId() + " was already reconciled");
            return;
        }
        Payout p = find(line);
        if (p == null && line.endToEndReference() == null && "PAYOUT_DEBIT".equals(line.kind())) {
            p = onlyCandidate(provider, line);
        }
        String seed = provider + "|" + line.lineId();
        if (p == null) {
            exception(s, line, null, ReconException.UNKNOWN_REFERENCE, "no payout has reference "
                    + line.endToEndReference() + " or provider reference " + line.providerReference() + " (" + line.kind()
                    + " " + line.amountMinor() + " " + line.currency() + " on " + line.valueDate() + ")");
            return;
        }
        String sentVia = p.lastAttempt() == null ? null : p.lastAttempt().provider();
        if (!provider.equals(sentVia)) {
            exception(s, line, p, ReconException.UNKNOWN_REFERENCE, "payout " + p.id() + " was sent via " + sentVia
                    + ", yet " + provider + "'s statement has line " + line.lineId() + " for it");
            return;
        }
        if (!line.currency().equals(p.currency())) {
            exception(s, line, p, ReconException.CURRENCY_MISMATCH, "line " + line.lineId() + " is in "
                    + line.currency() + ", payout " + p.id() + " in " + p.currency());
            return;
        }
        switch (line.kind()) {
            case "PAYOUT_DEBIT" -> debit(s, line, p, seed);
            case "FEE" -> fee(s, line, p, seed);
            case "RETURN_CREDIT" -> returned(s, line, p);
            default -> exception(s, line, p, ReconException.STATUS_CONFLICT, "unknown line kind " + line.kind());
        }
    }

    private void debit(StatementReceived s, Line line, Payout p, String seed) {
        Tolerance tol = core.config.tolerance();
        if (core.state.debitLineOf.containsKey(p.id())) {
            exception(s, line, p, ReconException.SECOND_DEBIT, "payout " + p.id() + " is already matched to line "
                    + core.state.debitLineOf.get(p.id()) + "; line " + line.lineId() + " debits it again ("
                    + line.amountMinor() + "): a second payment?");
            return;
        }
        if (p.status() == PayoutStatus.FAILED) {
            exception(s, line, p, ReconException.PAID_AFTER_FAILURE, "payout " + p.id() + " failed (" + p.failure()
                    + ") and its funds went back to the payee, but line " + line.lineId() + " shows it paid");
            return;
        }
        if (p.status() == PayoutStatus.SUBMITTED || p.status() == PayoutStatus.IN_DOUBT) {
            String key = p.lastAttempt().idempotencyKey();
            runner.answers.apply(key, new ProviderStatus.Paid(line.providerReference(), p.minorAmount(), 0,
                    LocalDate.parse(line.valueDate())), "statement");
            p = core.state.payouts.get(p.id());
        }
        if (p.status() != PayoutStatus.PAID && p.status() != PayoutStatus.RETURNED) {
            exception(s, line, p, ReconException.STATUS_CONFLICT, "line " + line.lineId() + " debits payout " + p.id()
                    + ", which is " + p.status().wire());
            return;
        }
        long days = p.valueDate() == null ? 0
                : Math.abs(ChronoUnit.DAYS.between(LocalDate.parse(p.valueDate()), LocalDate.parse(line.valueDate())));
        if (days > tol.valueDateDays()) {
            exception(s, line, p, ReconException.VALUE_DATE_OUT_OF_RANGE, "line " + line.lineId() + " is dated "
                    + line.valueDate() + ", " + days + " days from the paid date " + p.valueDate() + " (tolerance "
                    + tol.valueDateDays() + ")");
            return;
        }
        long diff = line.amountMinor() - p.minorAmount();
        if (Math.abs(diff) > tol.roundingMinor()) {
            exception(s, line, p, ReconException.AMOUNT_MISMATCH, "line " + line.lineId() + " debits "
                    + line.amountMinor() + " for payout " + p.id() + " of " + p.minorAmount() + " (difference " + diff
                    + ", tolerance " + tol.roundingMinor() + ")");
            return;
        }
        String reason = diff == 0 ? (days == 0 ? "exact" : "value date " + days + " days off, within tolerance")
                : "provider rounded " + p.minorAmount() + " to " + line.amountMinor();
        String account = diff == 0 ? null : LedgerBooks.adjustment("rounding", p.currency());
        if (diff != 0) adjust(seed, account, s.provider(), p, diff, reason);
        record(s, line, p, "matched_debit", account, diff, reason);
    }

    private void fee(StatementReceived s, Line line, Payout p, String seed) {
        if (core.state.feeLineOf.containsKey(p.id())) {
            exception(s, line, p, ReconException.SECOND_DEBIT, "payout " + p.id() + " already has fee line "
                    + core.state.feeLineOf.get(p.id()) + "; line " + line.lineId() + " charges a fee again");
            return;
        }
        if (p.status() != PayoutStatus.PAID && p.status() != PayoutStatus.RETURNED) {
            exception(s, line, p, ReconException.STATUS_CONFLICT, "fee line " + line.lineId() + " for payout " + p.id()
                    + ", which is " + p.status().wire());
            return;
        }
        long diff = line.amountMinor() - p.feeMinor();
        boolean feeFromStatement = "statement".equals(p.evidence());
        if (!feeFromStatement && Math.abs(diff) > core.config.tolerance().feeMinor()) {
            exception(s, line, p, ReconException.FEE_MISMATCH, "fee line " + line.lineId() + " charges "
                    + line.amountMinor() + ", the provider reported " + p.feeMinor() + " for payout " + p.id());
            return;
        }
        String reason = diff == 0 ? "exact" : feeFromStatement ? "fee known only from the statement"
                : "fee differs from the reported " + p.feeMinor() + " by " + diff + ", within tolerance";
        String account = diff == 0 ? null : LedgerBooks.adjustment("fee", p.currency());
        if (diff != 0) adjust(seed, account, s.provider(), p, diff, reason);
        record(s, line, p, "matched_fee", account, diff, reason);
    }

    private void returned(StatementReceived s, Line line, Payout p) {
        if (p.status() != PayoutStatus.PAID || !"paid".equals(p.booked()) || line.amountMinor() != p.minorAmount()) {
            exception(s, line, p, ReconException.STATUS_CONFLICT, "return line " + line.lineId() + " of "
                    + line.amountMinor() + " for payout " + p.id() + " (" + p.status().wire() + ", " + p.minorAmount() + ")");
            return;
        }
        if (p.fx() != null) { // the payee's account is in another currency: converting back is a person's call
            exception(s, line, p, ReconException.CONVERTED_RETURN, "return line " + line.lineId() + ": "
                    + line.amountMinor() + " " + line.currency() + " of converted payout " + p.id() + " (paid from "
                    + p.fx().sourceCurrency() + " at " + p.fx().rate() + ") is back on " + s.provider()
                    + "'s account; convert it back to the payee's account " + p.account() + " and book the return");
            return;
        }
        core.books.bookReturn(p, s.provider());
        core.record(new PayoutBooked(p.id(), "returned", core.now()));
        record(s, line, p, "matched_return", null, 0, "returned by the beneficiary's bank: " + line.description());
    }

    private void adjust(String seed, String account, String provider, Payout p, long diffMinor, String reason) {
        long ledger = UnitBridge.of(p.currency(), core.books.ledgerScale(p.currency())).toLedger(diffMinor);
        core.books.adjust("sett.adj." + Core.shortHash(seed), account, LedgerBooks.provider(provider, p.currency()),
                ledger, p.currency(), reason, p.id());
    }

    private void findMissing(String provider, LocalDate latest) {
        LocalDate due = latest.minusDays(core.config.tolerance().missingAfterDays());
        for (Payout p : core.state.payouts.values()) {
            if (p.status() != PayoutStatus.PAID || p.valueDate() == null || !provider.equals(p.activeProvider())
                    || core.state.debitLineOf.containsKey(p.id()) || core.state.missingRaised.contains(p.id())
                    || core.state.lineExceptionFor.contains(p.id())) continue;
            if (LocalDate.parse(p.valueDate()).isBefore(due)) {
                core.raise("missing|" + p.id(), ReconException.MISSING_STATEMENT_LINE, provider, null, null, p.id(),
                        "payout " + p.id() + " was paid on " + p.valueDate() + " but no statement line of " + provider
                                + " through " + latest + " shows it");
            }
        }
    }

    /**
     * A debit whose references were both lost (the bank's {@code NOTPROVIDED}) is matched only when exactly one payout
     * sent through this provider and not yet matched has the same currency and amount and a value date within
     * tolerance: one candidate or none, never a guess between two.
     */
    private Payout onlyCandidate(String provider, Line line) {
        Payout found = null;
        LocalDate date = LocalDate.parse(line.valueDate());
        for (Payout p : core.state.payouts.values()) {
            if (p.lastAttempt() == null || !provider.equals(p.lastAttempt().provider())
                    || core.state.debitLineOf.containsKey(p.id()) || p.minorAmount() != line.amountMinor()
                    || !p.currency().equals(line.currency())) continue;
            if (p.status() != PayoutStatus.PAID && p.status() != PayoutStatus.SUBMITTED && p.status() != PayoutStatus.IN_DOUBT) continue;
            if (p.valueDate() != null && Math.abs(ChronoUnit.DAYS.between(LocalDate.parse(p.valueDate()), date))
                    > core.config.tolerance().valueDateDays()) continue;
            if (found != null) return null;
            found = p;
        }
        return found;
    }

    private Payout find(Line line) {
        Payout p = line.endToEndReference() == null ? null : core.state.payouts.get(line.endToEndReference());
        if (p == null && line.providerReference() != null) {
            String id = core.state.payoutByProviderRef.get(line.providerReference());
            if (id != null) p = core.state.payouts.get(id);
        }
        return p;
    }

    private void record(StatementReceived s, Line line, Payout p, String result, String account, long adjustment, String reason) {
        core.record(new LineSettled(s.statementId(), line.lineId(), p == null ? null : p.id(), result, account,
                adjustment, reason, core.now()));
    }

    private void exception(StatementReceived s, Line line, Payout p, String code, String explanation) {
        core.raise(s.provider() + "|" + line.lineId(), code, s.provider(), s.statementId(), line.lineId(),
                p == null ? null : p.id(), explanation);
    }
}
