package dev.farthing.server.http.risk;

import dev.farthing.risk.engine.PaymentResult;
import dev.farthing.risk.engine.RiskEngine;
import dev.farthing.server.Role;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Auth;
import dev.farthing.server.keys.KeyRegistry.Principal;
import io.javalin.http.Context;

/**
 * Four eyes on held money: a review is decided only by a key whose role is {@code reviewer} (not admin, whose
 * other powers stay), and never by the key that submitted the payment (recorded with the payment as
 * {@code submitted_by}). Checked before the verdict reaches the engine, so a refused verdict changes nothing.
 */
public final class FourEyes {
    private FourEyes() {
    }

    static void requireReviewerOtherThanSubmitter(Context ctx, RiskEngine engine, String paymentId) {
        Principal who = Auth.principal(ctx);
        if (who.role() != Role.REVIEWER) {
            throw new ApiException(403, RiskProblems.REVIEWER_REQUIRED, "reviews are decided only by a key with role"
                    + " reviewer (four eyes); this key has role " + who.role().wire());
        }
        String submitter = engine.lookup(paymentId).map(PaymentResult::submittedBy).orElse(null);
        if (who.keyId().equals(submitter)) {
            throw new ApiException(403, RiskProblems.OWN_PAYMENT, "key " + who.keyId() + " submitted payment "
                    + paymentId + "; another reviewer must decide it");
        }
    }
}
