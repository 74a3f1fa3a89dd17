package dev.farthing.client.twoway;

/** A counterparty message that breaks the two-way protocol; {@link #code()} is a stable snake_case reason. */
public final class ChannelProtocolException extends RuntimeException {
    private final String code;

    public ChannelProtocolException(String code, String detail) {
        super(code + ": " + detail);
        this.code = code;
    }

    /**
     * bad_signature, wrong_nonce, wrong_channel, balance_not_conserved, unknown_revocation_hash, bad_revocation_secret,
     * too_many_unrevoked, state_conflict, negative_balance.
     */
    public String code() {
        return code;
    }
}
