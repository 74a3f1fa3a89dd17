package dev.farthing.server.http;

import java.util.List;

/**
 * A check every payment and every transfer out of an account passes before it is decided, in the HTTP core so
 * each adapter that moves money (risk's payments, the ledger's transfers) calls it without knowing which
 * domain provides it (customers: KYC limits). {@link #admit} may reserve the amount; {@link #settle} gives the
 * reservation back when nothing moved.
 */
public interface PaymentGate {

    /** A gate that admits everything (no domain provides one). */
    PaymentGate OPEN = new PaymentGate() {
        @Override
        public Ticket admit(String key, String debitAccount, String currency, long amount) {
            return Ticket.FREE;
        }

        @Override
        public void settle(Ticket ticket, boolean moved) {
        }
    };

    /**
     * Admits or refuses moving {@code amount} of {@code currency} out of {@code debitAccount} under idempotency
     * key {@code key} (a payment or transfer id, namespaced by the caller). Blocks the request's (virtual) thread.
     */
    Ticket admit(String key, String debitAccount, String currency, long amount);

    /**
     * As {@link #admit(String, String, String, long)}, knowing also where the money goes ({@code creditAccount}),
     * so a gate can refuse a payment to a party nothing may reach (a confirmed sanctions hit). Adapters that move
     * money call this one; a gate that only checks the payer need not override it.
     */
    default Ticket admit(String key, String debitAccount, String creditAccount, String currency, long amount) {
        return admit(key, debitAccount, currency, amount);
    }

    /** Says whether the admitted movement moved money; a reservation of one that moved nothing is given back. */
    void settle(Ticket ticket, boolean moved);

    /**
     * The keyed pseudonym of an identifying payment signal ({@code kind}: {@code device}, {@code ip},
     * {@code session}, {@code instrument}) before it reaches the feature engine or any journal: equal values give
     * equal tokens. The open gate keeps values as they are.
     */
    default String pseudonym(String kind, String value) {
        return value;
    }

    /**
     * The answer: refused ({@code refusal} non-null: status, code, detail and extension members to write) or
     * admitted; {@code key} non-null when this admission reserved something to settle.
     */
    record Ticket(String key, Refusal refusal) {
        public static final Ticket FREE = new Ticket(null, null);

        public boolean refused() {
            return refusal != null;
        }
    }

    /** A refusal as a problem reply: {@code extensions} writes members after the standard ones. */
    record Refusal(int status, String code, String detail, Json.Writer extensions) {
        public void write(io.javalin.http.Context ctx, Metrics metrics) {
            metrics.refusal(code);
            ctx.status(status);
            ctx.contentType(Problems.CONTENT_TYPE);
            ctx.result(Problems.render(status, code, detail, extensions));
        }
    }

    /** The first gate among the opened domain services, else {@link #OPEN}. */
    static PaymentGate among(List<?> services) {
        for (Object s : services) {
            if (s instanceof PaymentGate g) {
                return g;
            }
        }
        return OPEN;
    }
}
