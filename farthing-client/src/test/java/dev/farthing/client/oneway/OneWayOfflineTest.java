package dev.farthing.client.oneway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.farthing.channel.protocol.Claim;
import dev.farthing.channel.protocol.PayerClose;
import dev.farthing.channel.protocol.XrplKeys;
import dev.farthing.keys.Ed25519;
import dev.farthing.keys.KeyFamily;
import dev.farthing.keys.Signer;
import dev.farthing.keys.Wallet;
import org.junit.jupiter.api.Test;

/** Wallet signs claims; the merchant checks them offline with the server's rules and codes. */
class OneWayOfflineTest {
    private static final Wallet PAYER = Wallet.fromMnemonic(
            "legal winner thank year wave sausage worth useful legal winner thank yellow", "");
    private static final byte[] ID = new byte[32];
    private static final byte[] OTHER_ID = new byte[32];

    static {
        ID[31] = 1;
        OTHER_ID[31] = 2;
    }

    @Test
    void merchantAcceptsGrowingClaimsAndRefusesTheRest() {
        Signer key = PAYER.key(KeyFamily.SIGNING, 3);
        PayerChannel wallet = new PayerChannel(ID, key, 1_000);
        ClaimVerifier merchant = new ClaimVerifier(ID, XrplKeys.toXrpl(key.publicKey()), 1_000);
        assertThat(merchant.offer(wallet.pay(100)).newlyPayable()).isEqualTo(100);
        SignedClaim second = wallet.pay(250);
        assertThat(second.signedBytes()).isEqualTo(new Claim(ID, 350).bytes());
        assertThat(merchant.offer(second).newlyPayable()).isEqualTo(250);
        assertThat(merchant.offer(new SignedClaim(ID, 300, key.sign(Claim.signable(ID, 300)))).code()).isEqualTo("claim_not_above_paid");
        assertThat(merchant.offer(new SignedClaim(ID, 1_001, key.sign(Claim.signable(ID, 1_001)))).code()).isEqualTo("claim_exceeds_deposit");
        assertThat(merchant.offer(new SignedClaim(OTHER_ID, 500, key.sign(Claim.signable(OTHER_ID, 500)))).code()).isEqualTo("claim_channel_mismatch");
        // Replaying a claim signed for another channel under this channel's id fails the signature.
        assertThat(merchant.offer(new SignedClaim(ID, 500, key.sign(Claim.signable(OTHER_ID, 500)))).code()).isEqualTo("invalid_signature");
        Signer thief = PAYER.key(KeyFamily.FUNDING, 3);
        assertThat(merchant.offer(new SignedClaim(ID, 600, thief.sign(Claim.signable(ID, 600)))).code()).isEqualTo("invalid_signature");
        assertThat(merchant.best().amount()).isEqualTo(350);
    }

    @Test
    void walletRefusesToSignAboveDepositOrBackwards() {
        PayerChannel wallet = new PayerChannel(ID, PAYER.key(KeyFamily.SIGNING, 0), 100);
        wallet.claim(60);
        assertThatThrownBy(() -> wallet.claim(101)).hasMessageContaining("claim_exceeds_deposit");
        assertThatThrownBy(() -> wallet.claim(59)).hasMessageContaining("claim_below_signed");
        assertThat(wallet.withDeposit(200).claim(150).amount()).isEqualTo(150);
        byte[] close = wallet.signPayerClose();
        assertThat(PayerClose.verify(ID, PAYER.key(KeyFamily.SIGNING, 0).publicKey(), close)).isTrue();
        assertThat(Ed25519.verify(PAYER.key(KeyFamily.SIGNING, 0).publicKey(), Claim.signable(ID, 60), wallet.claim(60).signature())).isTrue();
    }
}
