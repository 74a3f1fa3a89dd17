package dev.farthing.server;

import dev.farthing.channels.ChannelError;
import dev.farthing.contracts.RefusalCategory;
import dev.farthing.contracts.payment.PaymentError;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.server.http.Problems;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every domain's refusal reaches HTTP through one category-to-status mapping, with the statuses clients know. */
class RefusalStatusTest {

    @Test
    void everyCategoryHasItsOwnClientOrRetryStatus() {
        Set<Integer> statuses = new HashSet<>();
        for (RefusalCategory c : RefusalCategory.values()) {
            int status = Problems.statusOf(c);
            assertThat(status).as(c.name()).isIn(400, 403, 404, 409, 422, 429, 503);
            assertThat(statuses.add(status)).as("two categories share " + status).isTrue();
        }
    }

    @Test
    void paymentRefusalsKeepTheirStatuses() {
        Map<PaymentError, Integer> expected = Map.ofEntries(
                Map.entry(PaymentError.NOT_FOUND, 404),
                Map.entry(PaymentError.IDEMPOTENCY_CONFLICT, 409), Map.entry(PaymentError.INVALID_STATE, 409),
                Map.entry(PaymentError.ALREADY_RESOLVED, 409), Map.entry(PaymentError.IN_PROGRESS, 409),
                Map.entry(PaymentError.HOLD_EXPIRED, 409),
                Map.entry(PaymentError.LEDGER_REFUSED, 422), Map.entry(PaymentError.UNKNOWN_CURRENCY, 422),
                Map.entry(PaymentError.CURRENCY_MISMATCH, 422),
                Map.entry(PaymentError.OVERLOADED, 503), Map.entry(PaymentError.UNAVAILABLE, 503));
        assertThat(expected).hasSize(PaymentError.values().length);
        expected.forEach((e, status) -> assertThat(Problems.statusOf(e.category())).as(e.code()).isEqualTo(status));
    }

    @Test
    void ledgerAndChannelRefusalsKeepTheirStatuses() {
        assertThat(Problems.statusOf(ErrorCode.INVALID_REQUEST)).isEqualTo(400);
        assertThat(Problems.statusOf(ErrorCode.SYSTEM_ACCOUNT)).isEqualTo(403);
        assertThat(Problems.statusOf(ErrorCode.ID_CONFLICT)).isEqualTo(409);
        assertThat(Problems.statusOf(ErrorCode.INSUFFICIENT_FUNDS)).isEqualTo(422);
        assertThat(Problems.statusOf(ErrorCode.CIRCUIT_OPEN)).isEqualTo(503);
        assertThat(Problems.statusOf(ChannelError.RATE_LIMITED.category())).isEqualTo(429);
        assertThat(Problems.statusOf(ChannelError.CLAIM_EXCEEDS_DEPOSIT.category())).isEqualTo(422);
        assertThat(Problems.statusOf(ChannelError.CHANNEL_NOT_FOUND.category())).isEqualTo(404);
    }
}
