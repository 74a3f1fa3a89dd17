package dev.farthing.settlement.connector.http;

import dev.farthing.settlement.connector.ProviderStatus;

import java.time.Instant;

/**
 * A verified webhook from an HTTP provider: a payout reached a final state (or moved) at the provider.
 *
 * @param eventId        the provider's event id; a redelivery repeats it
 * @param providerId     which provider sent it (the verifier's)
 * @param type           e.g. {@code payout.paid}, {@code payout.failed}
 * @param signedAt       the signature's timestamp (inside the replay window when verified)
 * @param idempotencyKey the key the payout was submitted under: what the settlement side looks it up by
 * @param payoutId       Farthing's payout id as the provider echoes it
 * @param status         the payout's status as the event states it (same reading as a status poll)
 */
public record WebhookEvent(String eventId, String providerId, String type, Instant signedAt, String idempotencyKey,
                           String payoutId, ProviderStatus status) {
}
