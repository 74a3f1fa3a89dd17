package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.PaymentError;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.Currency;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.contracts.payment.PaymentRequest;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Refuses, before anything is decided or journaled, a payment that cannot be made because of the request
 * itself: a currency the ledger does not keep ({@code unknown_currency}), a payer, payee or fee account it does
 * not have ({@code not_found}), or an account in another currency ({@code currency_mismatch}). That is the
 * client's mistake, not a risk decision, so it uses up nothing: the corrected request with the same id is
 * decided normally. Business outcomes (funds, a frozen or closed account, limits) stay decisions.
 *
 * <p>Runs on the caller's side of the decision queue, with the ledger's own reads. Accounts are never deleted
 * and never change currency, so a positive answer stays true and is kept (bounded: the table is emptied when
 * full); only accounts not seen before cost a ledger read. The ledger's refusal of the legs remains the
 * backstop (an account whose creation a ledger crash undid before it was durable).
 */
final class PaymentPreconditions {
    static final int MAX_KNOWN_ACCOUNTS = 1 << 17;
    private final Ledger ledger;
    /** Read from the ledger on first use (its configured currencies do not change while it runs). */
    private volatile Set<String> currencies;
    private final ConcurrentHashMap<String, String> currencyOfAccount = new ConcurrentHashMap<>();

    PaymentPreconditions(Ledger ledger) {
        this.ledger = ledger;
    }

    private Set<String> currencies() {
        Set<String> known = currencies;
        if (known == null) {
            known = ledger.currencies().stream().map(Currency::code).collect(Collectors.toUnmodifiableSet());
            currencies = known;
        }
        return known;
    }

    /** Completes normally when the payment can be decided, or with a {@link RiskRefusal} naming the field. */
    CompletableFuture<Void> check(PaymentRequest p) {
        Set<String> kept = currencies();
        if (!kept.contains(p.currency())) {
            return CompletableFuture.failedFuture(new RiskRefusal(PaymentError.UNKNOWN_CURRENCY,
                    "the ledger keeps no currency " + p.currency() + " (it keeps " + new java.util.TreeSet<>(kept) + ")",
                    "currency"));
        }
        CompletableFuture<String> payer = currencyOf(p.payer());
        CompletableFuture<String> payee = currencyOf(p.payee());
        CompletableFuture<String> fee = p.fee() == null ? CompletableFuture.completedFuture(p.currency())
                : currencyOf(p.fee().account());
        return CompletableFuture.allOf(payer, payee, fee).thenRun(() -> {
            require(p, "payer", p.payer(), payer.join());
            require(p, "payee", p.payee(), payee.join());
            if (p.fee() != null) {
                require(p, "fee.account", p.fee().account(), fee.join());
            }
        });
    }

    private static void require(PaymentRequest p, String field, String account, String currency) {
        if (currency == null) {
            throw new CompletionException(new RiskRefusal(PaymentError.NOT_FOUND,
                    "no account " + account + " (the " + field + ")", field));
        }
        if (!currency.equals(p.currency())) {
            throw new CompletionException(new RiskRefusal(PaymentError.CURRENCY_MISMATCH,
                    "the " + field + " account " + account + " is in " + currency + ", the payment in " + p.currency(),
                    field));
        }
    }

    /** The account's currency, or null when the ledger has no such account. */
    private CompletableFuture<String> currencyOf(String account) {
        String known = currencyOfAccount.get(account);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        CompletableFuture<Outcome<AccountView>> lookup;
        try {
            lookup = ledger.lookupAccount(account);
        } catch (RuntimeException e) {
            lookup = CompletableFuture.failedFuture(e);
        }
        return lookup.handle((found, error) -> {
            if (error != null) {
                throw new CompletionException(PaymentFlow.unavailable(error));
            }
            if (found.isOk()) {
                remember(account, found.value().currency());
                return found.value().currency();
            }
            if (found.error() == ErrorCode.NOT_FOUND) {
                return null;
            }
            throw new CompletionException(new RiskRefusal(found.error() == ErrorCode.OVERLOADED
                    ? PaymentError.OVERLOADED : PaymentError.UNAVAILABLE,
                    "the ledger could not look up account " + account + ": " + found.detail()));
        });
    }

    private void remember(String account, String currency) {
        if (currencyOfAccount.size() >= MAX_KNOWN_ACCOUNTS) {
            currencyOfAccount.clear();
        }
        currencyOfAccount.put(account, currency);
    }
}
