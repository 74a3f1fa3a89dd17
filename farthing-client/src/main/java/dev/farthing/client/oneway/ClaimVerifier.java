package dev.farthing.client.oneway;

import dev.farthing.channel.protocol.Claim;
import dev.farthing.channel.protocol.XrplKeys;
import dev.farthing.keys.Ed25519;
import dev.farthing.keys.Ed25519Verifier;
import java.util.Arrays;

/**
 * Merchant side: checks claims offline, with no server round trip, by the same rules the server applies, and
 * keeps the best (highest) valid claim to redeem later. The payer key is decoded once (XRPL {@code ED…} or raw).
 */
public final class ClaimVerifier {
    /** The outcome; {@code code} matches the server's problem code when refused. */
    public record Verdict(boolean accepted, String code, long newlyPayable) {
        static Verdict refused(String code) {
            return new Verdict(false, code, 0);
        }
    }

    private final byte[] channelId;
    private final Ed25519Verifier payer;
    private volatile long deposit;
    private SignedClaim best;

    public ClaimVerifier(byte[] channelId, String payerKeyHex, long deposit) {
        this.channelId = channelId.clone();
        this.payer = Ed25519.verifier(XrplKeys.normalise(payerKeyHex));
        this.deposit = deposit;
    }

    /** Checks a claim and, when it is valid and larger than the best so far, keeps it. */
    public synchronized Verdict offer(SignedClaim claim) {
        if (!Arrays.equals(claim.channelId(), channelId)) {
            return Verdict.refused("claim_channel_mismatch");
        }
        if (claim.amount() > deposit) {
            return Verdict.refused("claim_exceeds_deposit");
        }
        long held = best == null ? 0 : best.amount();
        if (claim.amount() <= held) {
            return Verdict.refused("claim_not_above_paid");
        }
        if (!payer.verify(Claim.signable(channelId, claim.amount()), claim.signature())) {
            return Verdict.refused("invalid_signature");
        }
        best = claim;
        return new Verdict(true, null, claim.amount() - held);
    }

    /** The highest valid claim received, or null. */
    public synchronized SignedClaim best() {
        return best;
    }

    /** After a top-up the payer may sign more. */
    public void raiseDeposit(long newDeposit) {
        deposit = Math.max(deposit, newDeposit);
    }
}
