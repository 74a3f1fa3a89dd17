package dev.farthing.settlement.service;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.SystemLedger;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.settlement.payout.Payout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Every ledger move settlement makes, through its system handle ({@code sys.settlement.} accounts). Each transfer id
 * is derived from the payout or statement line it books, so doing a move again after a crash is an idempotent
 * repeat, never a second movement of money:
 * <ul>
 *   <li>{@code sett.hold.<payout>}: a hold, payee account to {@code sys.settlement.inflight.<CUR>}, while in flight;
 *   <li>posted on paid, and {@code sett.paid.<payout>} moves it on to {@code sys.settlement.provider.<P>.<CUR>}
 *       (what left through provider P), {@code sett.fee.<payout>} the fee from {@code sys.settlement.fees.<CUR>};
 *   <li>voided on failure (the payee has the funds back at once);
 *   <li>{@code sett.return.<payout>}: a payout the bank returned, provider account back to the payee.
 * </ul>
 */
final class LedgerBooks {
    static final String PREFIX = "sys.settlement.";
    private static final long WAIT_S = 30;
    private final SystemLedger ledger;
    private final Ledger reads;
    private final long holdTimeoutS;
    private final Set<String> opened = new HashSet<>();

    LedgerBooks(SystemLedger ledger, Ledger reads, long holdTimeoutS) {
        this.ledger = ledger;
        this.reads = reads;
        this.holdTimeoutS = holdTimeoutS;
    }

    static String inflight(String currency) {
        return PREFIX + "inflight." + currency;
    }

    static String provider(String provider, String currency) {
        return PREFIX + "provider." + provider + "." + currency;
    }

    static String fees(String currency) {
        return PREFIX + "fees." + currency;
    }

    static String adjustment(String name, String currency) {
        return PREFIX + "adjust." + name + "." + currency;
    }

    boolean hasCurrency(String currency) {
        return ledger.currencies().stream().anyMatch(c -> c.code().equals(currency));
    }

    int ledgerScale(String currency) {
        return ledger.currencies().stream().filter(c -> c.code().equals(currency)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the ledger has no currency " + currency)).scale();
    }

    AccountView account(String id) {
        Outcome<AccountView> o = await(ledger.lookupAccount(id));
        return o.isOk() ? o.value() : null;
    }

    /** Places the hold; returns null when placed (or already there), else the ledger's refusal. */
    String hold(Payout p) {
        ensure(inflight(p.holdCurrency()), AccountKind.SETTLEMENT);
        Outcome<TransferView> o = await(ledger.createTransfer(new NewTransfer(p.holdTransferId(), p.account(),
                inflight(p.holdCurrency()), p.ledgerAmount(), p.holdCurrency(), "payout_hold", null,
                Map.of("payout", p.id(), "batch", p.batchId()), holdTimeoutS)));
        if (o.isOk()) {
            assert o.value().amount() == p.ledgerAmount() : "hold of another amount under the same id";
            return null;
        }
        return o.error().code() + ": " + o.detail();
    }

    /** Posts the hold (the held amount reaches the in-flight account); a repeat is fine. */
    void postHold(Payout p) {
        Outcome<TransferView> posted = await(ledger.postPending(p.holdTransferId(), 0));
        if (!posted.isOk() && !resolvedAs(p.holdTransferId(), TransferStatus.POSTED)) {
            throw new IllegalStateException("cannot post the hold of paid payout " + p.id() + ": " + posted.error()
                    + " " + posted.detail());
        }
    }

    /**
     * Posts the hold and moves the payout and its fee to the provider's account. A converted payout
     * ({@link FxQuote#bookConversion} done) moves its minor amount from the target's in-flight account and books
     * the conversion's sub-minor-unit remainder to {@code fx_rounding.<TGT>}.
     */
    void bookPaid(Payout p, String providerId, long feeLedger) {
        postHold(p);
        String out = provider(providerId, p.currency());
        ensure(out, AccountKind.SETTLEMENT);
        ensure(fees(p.currency()), AccountKind.FEE);
        List<NewTransfer> moves = new ArrayList<>();
        long paid = p.ledgerAmount();
        if (p.fx() != null) {
            paid = dev.farthing.settlement.money.UnitBridge.of(p.currency(), ledgerScale(p.currency())).toLedger(p.minorAmount());
            long remainder = Math.subtractExact(p.fx().creditedLedger(), paid);
            assert remainder >= 0 : "a converted payout pays more than it was credited: " + p;
            if (remainder > 0) {
                String rounding = PREFIX + "fx_rounding." + p.currency();
                ensure(rounding, AccountKind.SUSPENSE);
                moves.add(new NewTransfer("sett.fxrem." + p.id(), inflight(p.currency()), rounding, remainder,
                        p.currency(), "fx_rounding", p.holdTransferId(), Map.of("payout", p.id(), "reason",
                        "below one minor unit of " + p.currency() + " after converting at " + p.fx().rate()), 0));
            }
        }
        moves.add(new NewTransfer("sett.paid." + p.id(), inflight(p.currency()), out, paid, p.currency(),
                "payout", p.holdTransferId(), Map.of("payout", p.id(), "provider", providerId), 0));
        if (feeLedger > 0) {
            moves.add(new NewTransfer("sett.fee." + p.id(), fees(p.currency()), out, feeLedger, p.currency(),
                    "payout_fee", p.holdTransferId(), Map.of("payout", p.id(), "provider", providerId), 0));
        }
        requireAll(await(ledger.createTransfers(moves, true)), "book paid payout " + p.id());
    }

    /** Voids the hold: the payee has the money back. A hold never placed, or already voided or expired, is fine. */
    void voidHold(Payout p) {
        Outcome<TransferView> o = await(ledger.voidPending(p.holdTransferId()));
        if (o.isOk() || o.error() == ErrorCode.NOT_FOUND || resolvedAs(p.holdTransferId(), TransferStatus.VOIDED)
                || resolvedAs(p.holdTransferId(), TransferStatus.EXPIRED)) {
            return;
        }
        throw new IllegalStateException("cannot void the hold of failed payout " + p.id() + ": " + o.error() + " " + o.detail());
    }

    void bookReturn(Payout p, String providerId) {
        requireAll(List.of(await(ledger.createTransfer(new NewTransfer("sett.return." + p.id(),
                provider(providerId, p.currency()), p.account(), p.ledgerAmount(), p.currency(), "payout_return",
                "sett.paid." + p.id(), Map.of("payout", p.id()), 0)))), "book returned payout " + p.id());
    }

    /**
     * Books a difference the provider's statement shows: {@code amount} positive when the provider took more than
     * the ledger says (the adjustment account pays it), negative when less.
     */
    void adjust(String transferId, String adjustmentAccount, String providerAccount, long amount, String currency,
                String reason, String payoutId) {
        ensure(adjustmentAccount, AccountKind.SUSPENSE);
        ensure(providerAccount, AccountKind.SETTLEMENT);
        String from = amount > 0 ? adjustmentAccount : providerAccount;
        String to = amount > 0 ? providerAccount : adjustmentAccount;
        String shortReason = reason.length() > 200 ? reason.substring(0, 200) : reason;
        requireAll(List.of(await(ledger.createTransfer(new NewTransfer(transferId, from, to, Math.abs(amount), currency,
                "settlement_adjustment", null, Map.of("payout", payoutId == null ? "" : payoutId, "reason", shortReason),
                0)))), "book adjustment " + transferId);
    }

    /**
     * Books a conversion through the FX accounts in one atomic batch: {@code from} to {@code sys.settlement.fx.<SRC>}
     * (the source amount), then out of {@code sys.settlement.fx.<TGT>} the credited amount to {@code to}, the spread
     * to {@code fx_spread.<TGT>} and the rounding to {@code fx_rounding.<TGT>}; every transfer carries the rate, its
     * source and time, and the spread.
     */
    void convert(String id, String from, String to, String sourceCurrency, String targetCurrency,
                 dev.farthing.settlement.money.FxConversion c) {
        String fxSource = PREFIX + "fx." + sourceCurrency;
        String fxTarget = PREFIX + "fx." + targetCurrency;
        ensure(fxSource, AccountKind.SETTLEMENT);
        ensure(fxTarget, AccountKind.SETTLEMENT);
        Map<String, String> meta = Map.of("pair", c.rate().pair(), "rate", c.rate().rate().toPlainString(),
                "rate_source", c.rate().source().length() > 200 ? c.rate().source().substring(0, 200) : c.rate().source(),
                "rate_as_of", c.rate().asOf().toString(), "spread_bps", Integer.toString(c.spreadBps()),
                "carry", c.carryAfter().toPlainString());
        List<NewTransfer> moves = new ArrayList<>();
        moves.add(new NewTransfer("sett.fx." + id + ".in", from, fxSource, c.source(), sourceCurrency, "fx_sell", null, meta, 0));
        if (c.credited() > 0) {
            moves.add(new NewTransfer("sett.fx." + id + ".out", fxTarget, to, c.credited(), targetCurrency, "fx_buy", null, meta, 0));
        }
        if (c.spread() > 0) {
            ensure(PREFIX + "fx_spread." + targetCurrency, AccountKind.FEE);
            moves.add(new NewTransfer("sett.fx." + id + ".spread", fxTarget, PREFIX + "fx_spread." + targetCurrency,
                    c.spread(), targetCurrency, "fx_spread", null, meta, 0));
        }
        if (c.rounding() > 0) {
            ensure(PREFIX + "fx_rounding." + targetCurrency, AccountKind.SUSPENSE);
            moves.add(new NewTransfer("sett.fx." + id + ".round", fxTarget, PREFIX + "fx_rounding." + targetCurrency,
                    c.rounding(), targetCurrency, "fx_rounding", null, meta, 0));
        }
        requireAll(await(ledger.createTransfers(moves, true)), "book conversion " + id);
    }

    void ensure(String account, AccountKind kind) {
        if (opened.contains(account)) return;
        String currency = account.substring(account.lastIndexOf('.') + 1);
        Outcome<AccountView> o = await(ledger.createAccount(new NewAccount(account, currency, kind, false, 0, Map.of())));
        if (!o.isOk() && o.error() != ErrorCode.ID_CONFLICT) {
            throw new IllegalStateException("cannot open " + account + ": " + o.error() + " " + o.detail());
        }
        opened.add(account);
    }

    private boolean resolvedAs(String transferId, TransferStatus status) {
        Outcome<TransferView> t = await(reads.lookupTransfer(transferId));
        return t.isOk() && t.value().status() == status;
    }

    private static void requireAll(List<Outcome<TransferView>> outcomes, String what) {
        Outcome<TransferView> failed = null;
        for (Outcome<TransferView> o : outcomes) {
            if (o.isOk()) continue;
            // in an atomic batch the others say LINKED_TRANSFER_FAILED: name the one that failed
            if (failed == null || failed.error() == ErrorCode.LINKED_TRANSFER_FAILED) failed = o;
        }
        if (failed != null) throw new IllegalStateException("cannot " + what + ": " + failed.error() + " " + failed.detail());
    }

    static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(WAIT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the ledger", e);
        } catch (Exception e) {
            throw new IllegalStateException("the ledger did not answer: " + e.getMessage(), e);
        }
    }
}
