package dev.farthing.risk.engine;

import dev.farthing.contracts.Refusal;
import dev.farthing.contracts.payment.PaymentError;

/**
 * A risk command refused for a reason the caller can act on: one of the {@link PaymentError}s of the payments
 * contract, whose category tells a transport how to answer. {@link #field()} names the request field at fault
 * when there is one ({@code payee}). Carries no stack trace: refusals are expected.
 */
public final class RiskRefusal extends Refusal {

    public RiskRefusal(PaymentError reason, String detail) {
        super(reason, detail);
    }

    public RiskRefusal(PaymentError reason, String detail, String field) {
        super(reason, detail, field);
    }

    @Override
    public PaymentError reason() {
        return (PaymentError) super.reason();
    }
}
