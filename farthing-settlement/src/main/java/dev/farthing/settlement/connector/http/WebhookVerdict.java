package dev.farthing.settlement.connector.http;

/**
 * What {@link WebhookVerifier#verify} decided. The webhook route answers 2xx to {@link Accepted} (after applying the
 * event) and to {@link Duplicate} (so the provider stops redelivering), and 4xx with the reason to {@link Rejected}.
 */
public sealed interface WebhookVerdict {

    record Accepted(WebhookEvent event) implements WebhookVerdict {
    }

    /** Authentic, but this event id was already accepted inside the replay window: apply nothing. */
    record Duplicate(String eventId) implements WebhookVerdict {
    }

    record Rejected(Reason reason, String detail) implements WebhookVerdict {
    }

    enum Reason {
        /** No or unparseable signature header: HTTP 400. */
        MISSING_SIGNATURE(400),
        /** No signature matches the body under the shared secret: HTTP 401. */
        BAD_SIGNATURE(401),
        /** Authentic but signed too long ago or in the future (a replay): HTTP 401. */
        OUTSIDE_REPLAY_WINDOW(401),
        /** Authentic but not an event we can read: HTTP 400. */
        MALFORMED(400);

        public final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }
    }
}
