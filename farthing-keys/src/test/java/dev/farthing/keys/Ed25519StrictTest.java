package dev.farthing.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** RFC 8032 vectors plus the strictness rules: malleated S, small-order keys and R, non-canonical encodings. */
class Ed25519StrictTest {
    private static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    private static final byte[] MSG = "CLM\0 farthing".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc8032TestVector1() {
        SoftwareSigner signer = Ed25519.fromSeed(Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(Hex.encode(signer.publicKey())).isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        byte[] sig = signer.sign(new byte[0]);
        assertThat(Hex.encode(sig)).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(Ed25519.verify(signer.publicKey(), new byte[0], sig)).isTrue();
    }

    @Test
    void validSignatureVerifiesAndAnyBitFlipFails() {
        SoftwareSigner signer = Ed25519.generate(new SecureRandom());
        byte[] sig = signer.sign(MSG);
        assertThat(Ed25519.verify(signer.publicKey(), MSG, sig)).isTrue();
        assertThat(Ed25519.verifier(signer.publicKey()).verify(MSG, sig)).isTrue();
        for (int bit = 0; bit < 512; bit += 7) {
            byte[] bad = sig.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(Ed25519.verify(signer.publicKey(), MSG, bad)).as("bit %d", bit).isFalse();
        }
        byte[] otherMsg = MSG.clone();
        otherMsg[0] ^= 1;
        assertThat(Ed25519.verify(signer.publicKey(), otherMsg, sig)).isFalse();
    }

    @Test
    void malleatedSignatureWithSPlusLIsRefused() {
        SoftwareSigner signer = Ed25519.generate(new SecureRandom());
        byte[] sig = signer.sign(MSG);
        byte[] malleated = sig.clone();
        BigInteger s = littleEndian(sig, 32);
        byte[] sPlusL = toLittleEndian32(s.add(L));
        System.arraycopy(sPlusL, 0, malleated, 32, 32);
        assertThat(Ed25519.canonicalScalar(malleated)).isFalse();
        assertThat(Ed25519.verify(signer.publicKey(), MSG, malleated)).isFalse();
        assertThat(Ed25519.verifier(signer.publicKey()).verify(MSG, malleated)).isFalse();
    }

    @Test
    void smallOrderPublicKeyWithIdentitySignatureIsRefused() {
        // A = identity, R = identity, S = 0 satisfies [S]B = R + [k]A for every message: a universal forgery
        // that lax verifiers accept.
        byte[] identity = Hex.decode("0100000000000000000000000000000000000000000000000000000000000000");
        byte[] sig = new byte[64];
        System.arraycopy(identity, 0, sig, 0, 32);
        assertThat(Ed25519.verify(identity, MSG, sig)).isFalse();
        assertThatThrownBy(() -> Ed25519.verifier(identity)).isInstanceOf(IllegalArgumentException.class);
        byte[] order8 = Hex.decode("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a");
        assertThat(Ed25519.acceptablePoint(order8, 0)).isFalse();
        order8[31] |= (byte) 0x80; // the negated point is small-order too
        assertThat(Ed25519.acceptablePoint(order8, 0)).isFalse();
    }

    @Test
    void smallOrderOrNonCanonicalRIsRefused() {
        SoftwareSigner signer = Ed25519.generate(new SecureRandom());
        byte[] sig = signer.sign(MSG);
        byte[] smallR = sig.clone();
        System.arraycopy(Hex.decode("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"), 0, smallR, 0, 32);
        assertThat(Ed25519.verify(signer.publicKey(), MSG, smallR)).isFalse();
        byte[] nonCanonical = Hex.decode("efffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"); // y = p + 2
        assertThat(Ed25519.acceptablePoint(nonCanonical, 0)).isFalse();
        assertThat(Ed25519.acceptablePoint(signer.publicKey(), 0)).isTrue();
    }

    @Test
    void malformedInputReturnsFalseWithoutThrowing() {
        SoftwareSigner signer = Ed25519.generate(new SecureRandom());
        byte[] sig = signer.sign(MSG);
        assertThat(Ed25519.verify(new byte[31], MSG, sig)).isFalse();
        assertThat(Ed25519.verify(signer.publicKey(), MSG, new byte[63])).isFalse();
        assertThat(Ed25519.verify(null, MSG, sig)).isFalse();
        assertThat(Ed25519.verify(signer.publicKey(), null, sig)).isFalse();
    }

    @Test
    void hexAcceptsEitherCaseAndRefusesJunk() {
        assertThat(Hex.decode("aBcD")).containsExactly(0xab, 0xcd);
        assertThat(Hex.encode(new byte[] {(byte) 0xab, 0x01})).isEqualTo("ab01");
        assertThatThrownBy(() -> Hex.decode("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hex.decode("zz")).isInstanceOf(IllegalArgumentException.class);
    }

    private static BigInteger littleEndian(byte[] b, int off) {
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = b[off + 31 - i];
        }
        return new BigInteger(1, be);
    }

    private static byte[] toLittleEndian32(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < be.length && i < 32; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }
}
