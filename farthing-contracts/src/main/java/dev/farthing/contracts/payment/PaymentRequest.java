package dev.farthing.contracts.payment;

import java.util.Objects;

/**
 * One payment as a client asks for it. Payer and payee are ledger accounts;
 * {@code amount} is in minor units of {@code currency}. The payment's time is not part of the request: the
 * risk engine stamps it from the ledger clock, and recorded traffic carries its own time beside it.
 */
public record PaymentRequest(String id, String payer, String payee, long amount, String currency, Fee fee,
                             PaymentContext context) {

    public PaymentRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(payee, "payee");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(context, "context");
    }

    /** A platform fee, moved from the payer to {@code account} as a leg linked to the payment. */
    public record Fee(String account, long amount) {
        public Fee {
            Objects.requireNonNull(account, "account");
        }
    }
}
