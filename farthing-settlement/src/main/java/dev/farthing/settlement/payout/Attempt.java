package dev.farthing.settlement.payout;

/**
 * One try at one provider, with the reason it was chosen. {@code outcome} is null until the provider answered
 * (a crash between the submit and the answer leaves it null: the attempt is in doubt).
 */
public record Attempt(int number, String provider, String idempotencyKey, String reason, String outcome,
                      String detail) {

    public static final String ACCEPTED = "accepted";
    public static final String REFUSED = "refused";
    public static final String REFUSED_FINAL = "refused_final";
    public static final String UNKNOWN = "unknown";
    /** Asked after an unknown outcome: the provider never got it, so another attempt is safe. */
    public static final String NOT_ARRIVED = "not_arrived";

    public Attempt answered(String outcome, String detail) {
        return new Attempt(number, provider, idempotencyKey, reason, outcome, detail);
    }
}
