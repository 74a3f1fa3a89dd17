package dev.farthing.channel.protocol;

import dev.farthing.keys.Hex;
import org.junit.jupiter.api.Test;
import org.xrpl.xrpl4j.crypto.keys.KeyPair;
import org.xrpl.xrpl4j.crypto.keys.Seed;
import org.xrpl.xrpl4j.crypto.signing.Signature;
import org.xrpl.xrpl4j.crypto.signing.SignatureUtils;
import org.xrpl.xrpl4j.crypto.signing.bc.BcSignatureService;
import org.xrpl.xrpl4j.model.client.channels.UnsignedClaim;
import org.xrpl.xrpl4j.model.transactions.Hash256;
import org.xrpl.xrpl4j.model.transactions.XrpCurrencyAmount;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Claims signed by xrpl4j (the XRP Ledger's Java library) verify in Farthing, byte for byte. */
class XrplClaimCompatibilityTest {

    @Test
    void xrpl4jSignedClaimsVerifyAndBytesMatch() {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        KeyPair keys = Seed.ed25519Seed().deriveKeyPair();
        BcSignatureService xrpl = new BcSignatureService();
        String xrplPublicKey = keys.publicKey().base16Value();
        assertThat(xrplPublicKey).startsWith("ED").hasSize(66);
        byte[] rawKey = XrplKeys.normalise(xrplPublicKey);
        assertThat(XrplKeys.normalise(xrplPublicKey.toLowerCase())).isEqualTo(rawKey);
        for (int i = 0; i < 20; i++) {
            byte[] id = new byte[32];
            random.nextBytes(id);
            long drops = i == 0 ? 100_000_000_000_000_000L : 1 + (random.nextLong() >>> 10);
            UnsignedClaim claim = UnsignedClaim.builder()
                    .channel(Hash256.of(Hex.encode(id).toUpperCase()))
                    .amount(XrpCurrencyAmount.ofDrops(drops))
                    .build();
            byte[] theirs = SignatureUtils.getInstance().toSignableBytes(claim).toByteArray();
            assertThat(new Claim(id, drops).bytes()).isEqualTo(theirs);
            Signature sig = xrpl.sign(keys.privateKey(), claim);
            byte[] signature = Hex.decode(sig.base16Value());
            assertThat(new Claim(id, drops).verify(rawKey, signature)).isTrue();
            assertThat(new Claim(id, drops + 1).verify(rawKey, signature)).isFalse();
        }
    }
}
