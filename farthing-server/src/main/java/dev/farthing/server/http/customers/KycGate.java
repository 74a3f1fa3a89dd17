package dev.farthing.server.http.customers;

import dev.farthing.customers.customer.CustomerException;
import dev.farthing.customers.kyc.LimitBreach;
import dev.farthing.customers.service.Admission;
import dev.farthing.customers.service.CustomerService;
import dev.farthing.server.http.PaymentGate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * KYC limits as the server's payment gate: a payment or transfer out of a customer's account is admitted only
 * when it fits every limit of the customer's tier, and its amount is reserved in the same step. Over a limit is
 * 422 {@code kyc_limit} naming the limit and the tier that lifts it; a frozen customer is 422
 * {@code customer_frozen}; a customer with a confirmed sanctions hit is 422 {@code sanctions_hit}. The service not answering refuses the movement (503): a gate never fails open.
 */
final class KycGate {
    static final long TIMEOUT_S = 10;
    static final String SANCTIONS_HIT = CustomerProblems.SANCTIONS_HIT;
    private final CustomerService service;
    private final java.util.function.Predicate<String> sanctioned;

    KycGate(CustomerService service, java.util.function.Predicate<String> sanctioned) {
        this.service = service;
        this.sanctioned = sanctioned;
    }

    /**
     * {@code creditAccount} may be null (not known). Both sides are checked for a confirmed sanctions hit before
     * anything is reserved, whether or not the ledger freeze has landed yet: a payment to a sanctioned party is
     * {@code sanctions_hit} (with {@code party: payee}), not the ledger's {@code account_frozen}.
     */
    PaymentGate.Ticket admit(String key, String debitAccount, String creditAccount, String currency, long amount) {
        PaymentGate.Ticket sanctionedParty = sanctionedSide(debitAccount, "payer");
        if (sanctionedParty == null && creditAccount != null) {
            sanctionedParty = sanctionedSide(creditAccount, "payee");
        }
        if (sanctionedParty != null) {
            return sanctionedParty;
        }
        Admission a;
        try {
            a = await(service.admit(key, debitAccount, currency, amount));
        } catch (CustomerException e) {
            return new PaymentGate.Ticket(null, CustomerProblems.refusal(e));
        }
        if (a.admitted()) {
            return a.reserved() ? new PaymentGate.Ticket(key, null) : PaymentGate.Ticket.FREE;
        }
        if (a.breach() == null) {
            return new PaymentGate.Ticket(null, new PaymentGate.Refusal(422, a.refusal().code(),
                    "customer " + a.customerId() + " is frozen: nothing moves out of its accounts", g -> { }));
        }
        LimitBreach b = a.breach();
        return new PaymentGate.Ticket(null, new PaymentGate.Refusal(422, a.refusal().code(), b.describe(), g -> {
            g.writeStringField("customer_id", a.customerId());
            g.writeObjectFieldStart("limit");
            g.writeStringField("period", b.period().wire());
            g.writeStringField("currency", b.currency());
            g.writeNumberField("limit", b.limit());
            g.writeNumberField("used", b.used());
            g.writeNumberField("requested", b.requested());
            g.writeEndObject();
            g.writeNumberField("tier", b.tier());
            if (b.liftingTier() == null) {
                g.writeNullField("lifted_by_tier");
            } else {
                g.writeNumberField("lifted_by_tier", b.liftingTier());
            }
            g.writeStringField("jurisdiction", b.jurisdiction());
            g.writeStringField("profile_version", b.profileVersion());
        }));
    }

    private PaymentGate.Ticket sanctionedSide(String account, String party) {
        var owner = service.ownerOf(account);
        if (owner.isEmpty() || !sanctioned.test(owner.get().id())) {
            return null;
        }
        String id = owner.get().id();
        String detail = party.equals("payer")
                ? "customer " + id + " has a confirmed sanctions hit: its accounts are frozen and nothing moves"
                : "the payee, customer " + id + ", has a confirmed sanctions hit: nothing may reach its accounts";
        return new PaymentGate.Ticket(null, new PaymentGate.Refusal(422, SANCTIONS_HIT, detail, g -> {
            g.writeStringField("customer_id", id);
            g.writeStringField("party", party);
        }));
    }

    void settle(PaymentGate.Ticket ticket, boolean moved) {
        if (ticket.key() != null && !moved) {
            service.release(ticket.key()); // asynchronous: a lost release only over-counts
        }
    }

    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CustomerException c) {
                throw c;
            }
            throw new CustomerException(dev.farthing.customers.customer.CustomerError.UNAVAILABLE,
                    "the customer service failed: " + e.getCause());
        } catch (TimeoutException e) {
            throw new CustomerException(dev.farthing.customers.customer.CustomerError.UNAVAILABLE,
                    "the customer service did not answer within " + TIMEOUT_S + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CustomerException(dev.farthing.customers.customer.CustomerError.UNAVAILABLE, "interrupted");
        }
    }

    static <T> T awaitOrThrow(CompletableFuture<T> f) {
        return await(f);
    }
}
