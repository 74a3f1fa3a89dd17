package dev.farthing.disputes.money;

import dev.farthing.disputes.model.Dispute;
import dev.farthing.disputes.model.DisputeState;
import dev.farthing.disputes.model.Money;
import dev.farthing.ledger.api.SystemLedger;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferView;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Moves a dispute's money, only through the ledger: provisional credit is a hold from {@code sys.disputes.
 * provisional.CUR} to the payer; a refund is one atomic batch that claws the creator's share back from the payee
 * (referencing the payment's transfer), returns the platform's share from the fee account (referencing the fee
 * leg), and charges the payee the chargeback fee to {@code sys.disputes.fees.CUR}, all or nothing. An appeal that
 * lowers the refund reverses the difference the same way. Transfer ids derive from the dispute id and the step,
 * so a retried step is an idempotent repeat on the ledger.
 */
public final class DisputeMoney {
    private static final long PROVISIONAL_TIMEOUT_S = 180L * 24 * 3600;
    private final SystemLedger ledger;
    private final Map<String, Long> chargebackFee;
    private final Set<String> accountsMade = ConcurrentHashMap.newKeySet();

    public DisputeMoney(SystemLedger ledger, Map<String, Long> chargebackFee) {
        this.ledger = ledger;
        this.chargebackFee = Map.copyOf(chargebackFee);
    }

    public String provisionalAccount(String currency) {
        return ledger.prefix() + "provisional." + currency.toLowerCase(java.util.Locale.ROOT);
    }

    public String feeAccount(String currency) {
        return ledger.prefix() + "fees." + currency.toLowerCase(java.util.Locale.ROOT);
    }

    /** Places the provisional credit hold (once); the dispute's money as it then stands. */
    public Money provisionalCredit(Dispute d) {
        Money m = d.money();
        if (m.provisionalHold() != null || payer(d) == null) return m;
        ensureAccounts(d.currency());
        String id = transferId(d.id(), "prov");
        NewTransfer hold = new NewTransfer(id, provisionalAccount(d.currency()), payer(d), d.amount(), d.currency(),
                "dispute_provisional", reference(d), Map.of("dispute", shortRef(d.id())), PROVISIONAL_TIMEOUT_S);
        Outcome<TransferView> o = await(ledger.createTransfer(hold));
        List<String> t = new ArrayList<>(m.transfers());
        if (!o.isOk()) return new Money(null, m.refunded(), m.feeCharged(), m.steps(), t, "failed", "provisional credit: " + o.detail());
        t.add(id);
        return new Money(id, m.refunded(), m.feeCharged(), m.steps(), t, "provisional", null);
    }

    /**
     * Brings the money in line with the decision: voids the provisional hold, then refunds (or reverses) the
     * difference between the decided refund and what was refunded so far. Returns the money as it then stands;
     * a ledger refusal is recorded as {@code failed} with its detail, and the next call retries the same step.
     */
    public Money settle(Dispute d) {
        Money m = d.money();
        boolean decided = d.state() == DisputeState.DECIDED || d.state() == DisputeState.FINAL;
        if (!decided || payer(d) == null) return m;
        List<String> transfers = new ArrayList<>(m.transfers());
        if (m.provisionalHold() != null && "provisional".equals(m.status())) {
            Outcome<TransferView> v = await(ledger.voidPending(m.provisionalHold()));
            if (!v.isOk() && v.error() != ErrorCode.PENDING_EXPIRED && v.error() != ErrorCode.ALREADY_VOIDED) {
                return new Money(m.provisionalHold(), m.refunded(), m.feeCharged(), m.steps(), transfers, "failed", "void provisional credit: " + v.detail());
            }
        }
        long target = d.outcome() != null && d.outcome().refunds() ? d.refund() : 0;
        long delta = Math.subtractExact(target, m.refunded());
        boolean wantFee = target > 0;
        long fee = chargebackFee.getOrDefault(d.currency(), 0L);
        if (delta == 0 && wantFee == m.feeCharged()) {
            return new Money(m.provisionalHold(), m.refunded(), m.feeCharged(), m.steps(), transfers, target > 0 ? "refunded" : (m.refunded() == 0 && m.steps() == 0 ? "none" : "reversed"), null);
        }
        ensureAccounts(d.currency());
        int step = m.steps() + 1;
        List<NewTransfer> batch = Legs.of(this, d, delta, wantFee != m.feeCharged() ? (wantFee ? fee : -fee) : 0, step);
        if (batch.isEmpty()) {
            return new Money(m.provisionalHold(), target, wantFee && fee > 0, step, transfers, target > 0 ? "refunded" : "reversed", null);
        }
        List<Outcome<TransferView>> done = await(ledger.createTransfers(batch, true));
        for (Outcome<TransferView> o : done) {
            if (!o.isOk() && !o.replayed()) {
                String why = done.stream().filter(x -> !x.isOk() && x.error() != ErrorCode.LINKED_TRANSFER_FAILED)
                        .map(Outcome::detail).findFirst().orElse(o.detail());
                return new Money(m.provisionalHold(), m.refunded(), m.feeCharged(), m.steps(), transfers, "failed", why);
            }
        }
        batch.forEach(t -> transfers.add(t.id()));
        return new Money(m.provisionalHold(), target, wantFee && fee > 0, step, transfers, target > 0 ? "refunded" : "reversed", null);
    }

    String payer(Dispute d) {
        if (d.gathered() == null) return null;
        if (d.gathered().payment() != null) return d.gathered().payment().payer();
        return d.gathered().channel() == null ? null : d.gathered().channel().payer();
    }

    static String reference(Dispute d) {
        return d.gathered() != null && d.gathered().payment() != null ? d.gathered().payment().transferId() : null;
    }

    static String shortRef(String disputeId) {
        return disputeId.length() <= 256 ? disputeId : disputeId.substring(0, 256);
    }

    private void ensureAccounts(String currency) {
        if (accountsMade.contains(currency)) return;
        for (String id : List.of(provisionalAccount(currency), feeAccount(currency))) {
            Outcome<?> o = await(ledger.createAccount(new NewAccount(id, currency, AccountKind.SUSPENSE, false, 0, Map.of())));
            if (!o.isOk() && !o.replayed()) {
                throw new IllegalStateException("cannot open dispute account " + id + ": " + o.detail());
            }
        }
        accountsMade.add(currency);
    }

    /** A ledger transfer id (at most 64 characters) for step {@code leg} of dispute {@code disputeId}. */
    static String transferId(String disputeId, String leg) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(disputeId.getBytes(StandardCharsets.UTF_8));
            return "dsp-" + HexFormat.of().formatHex(h, 0, 12) + "-" + leg;
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    long fee(String currency) {
        return chargebackFee.getOrDefault(currency, 0L);
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the ledger", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the ledger did not answer: " + e, e);
        }
    }
}
