package dev.farthing.client.oneway;

import dev.farthing.channel.protocol.Claim;
import dev.farthing.channel.protocol.PayerClose;
import dev.farthing.keys.Signer;

/**
 * Wallet side of a one-way channel: signs ever-larger cumulative claims with the channel's signing key, and the
 * payer close message. Refuses to sign a claim above the deposit or below one already signed (the payee would
 * simply keep the larger one, so a smaller claim only confuses accounting).
 */
public final class PayerChannel {
    private final byte[] channelId;
    private final Signer signer;
    private final long deposit;
    private long signed;

    public PayerChannel(byte[] channelId, Signer signer, long deposit) {
        if (channelId.length != 32 || deposit < 0) {
            throw new IllegalArgumentException("channel id must be 32 bytes and deposit non-negative");
        }
        this.channelId = channelId.clone();
        this.signer = signer;
        this.deposit = deposit;
    }

    /** Signs a claim for the cumulative {@code amount}. */
    public synchronized SignedClaim claim(long amount) {
        if (amount > deposit) {
            throw new IllegalArgumentException("claim_exceeds_deposit: " + amount + " > " + deposit);
        }
        if (amount < signed) {
            throw new IllegalArgumentException("claim_below_signed: already signed " + signed);
        }
        signed = amount;
        return new SignedClaim(channelId, amount, signer.sign(Claim.signable(channelId, amount)));
    }

    /** Pays {@code more} on top of the last claim. */
    public synchronized SignedClaim pay(long more) {
        return claim(Math.addExact(signed, more));
    }

    /** The payer's close request, signed: {@code "FPC\0" ‖ channel id}. */
    public byte[] signPayerClose() {
        return signer.sign(PayerClose.bytes(channelId));
    }

    /** Raises the deposit the wallet may sign against after a successful {@code fund} call. */
    public synchronized PayerChannel withDeposit(long newDeposit) {
        PayerChannel next = new PayerChannel(channelId, signer, newDeposit);
        next.signed = signed;
        return next;
    }

    public synchronized long signedTotal() {
        return signed;
    }
}
