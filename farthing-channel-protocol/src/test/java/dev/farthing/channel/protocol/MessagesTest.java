package dev.farthing.channel.protocol;

import dev.farthing.keys.Ed25519;
import dev.farthing.keys.Hex;
import dev.farthing.keys.SoftwareSigner;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessagesTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] id = bytes(32);
    private final SoftwareSigner a = Ed25519.generate(RANDOM);
    private final SoftwareSigner b = Ed25519.generate(RANDOM);
    private final SoftwareSigner arbiter = Ed25519.generate(RANDOM);

    @Test
    void stateBytesFollowTheContractLayout() {
        ChannelState s = new ChannelState(id, 7, 100, 250, bytes(32), bytes(32));
        byte[] raw = s.bytes();
        assertThat(raw).hasSize(124);
        assertThat(Arrays.copyOf(raw, 4)).isEqualTo(new byte[] {'F', 'S', 'T', 0});
        assertThat(Arrays.copyOfRange(raw, 4, 36)).isEqualTo(id);
        assertThat(Hex.encode(Arrays.copyOfRange(raw, 36, 60)))
                .isEqualTo("0000000000000007" + "0000000000000064" + "00000000000000fa");
        assertThat(Arrays.copyOfRange(raw, 60, 92)).isEqualTo(s.revocationHashA());
        assertThat(ChannelState.parse(raw)).isEqualTo(s);
        assertThatThrownBy(() -> ChannelState.parse(Arrays.copyOf(raw, 123))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signedStateNeedsBothCurrentKeys() {
        ChannelState s = new ChannelState(id, 1, 10, 20, bytes(32), bytes(32));
        SignedState good = new SignedState(s, a.sign(s.bytes()), b.sign(s.bytes()));
        assertThat(good.verify(a.publicKey(), b.publicKey())).isTrue();
        assertThat(good.verify(b.publicKey(), a.publicKey())).isFalse();
        SignedState oneForged = new SignedState(s, a.sign(s.bytes()), a.sign(s.bytes()));
        assertThat(oneForged.verify(a.publicKey(), b.publicKey())).isFalse();
    }

    @Test
    void signaturesDoNotCrossMessageKinds() {
        ChannelState s = new ChannelState(id, 1, 10, 20, bytes(32), bytes(32));
        byte[] stateSig = a.sign(s.bytes());
        assertThat(CooperativeClose.verify(s, a.publicKey(), stateSig, a.publicKey(), stateSig)).isFalse();
        byte[] claimSig = a.sign(new Claim(id, 5).bytes());
        assertThat(PayerClose.verify(id, a.publicKey(), claimSig)).isFalse();
        assertThat(PayerClose.verify(id, a.publicKey(), a.sign(PayerClose.bytes(id)))).isTrue();
    }

    @Test
    void malleatedClaimSignatureIsRefused() {
        byte[] sig = a.sign(new Claim(id, 99).bytes());
        assertThat(new Claim(id, 99).verify(a.publicKey(), sig)).isTrue();
        // S + L: the classic malleation, same point equation, must be refused by strict verification.
        BigInteger l = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
        byte[] sLe = Arrays.copyOfRange(sig, 32, 64);
        BigInteger s = new BigInteger(1, reverse(sLe)).add(l);
        byte[] malleated = sig.clone();
        byte[] sPlusL = reverse(toFixed(s, 32));
        System.arraycopy(sPlusL, 0, malleated, 32, 32);
        assertThat(new Claim(id, 99).verify(a.publicKey(), malleated)).isFalse();
        assertThat(new Claim(bytes(32), 99).verify(a.publicKey(), sig)).as("another channel").isFalse();
    }

    @Test
    void rotationNeedsOldAndDisputeKeys() {
        SoftwareSigner dispute = Ed25519.generate(RANDOM);
        SoftwareSigner fresh = Ed25519.generate(RANDOM);
        Rotation r = new Rotation(id, Party.A, 1, fresh.publicKey());
        assertThat(r.bytes()).hasSize(Rotation.LENGTH);
        assertThat(r.verify(a.publicKey(), a.sign(r.bytes()), dispute.publicKey(), dispute.sign(r.bytes()))).isTrue();
        assertThat(r.verify(a.publicKey(), a.sign(r.bytes()), dispute.publicKey(), a.sign(r.bytes()))).isFalse();
        Rotation replay = new Rotation(id, Party.A, 2, fresh.publicKey());
        assertThat(replay.verify(a.publicKey(), a.sign(r.bytes()), dispute.publicKey(), dispute.sign(r.bytes()))).isFalse();
    }

    @Test
    void arbitrationNeedsAnyTwoDistinctSigners() {
        Arbitration ruling = new Arbitration(id, 30, 70);
        byte[][] keys = {a.publicKey(), b.publicKey(), arbiter.publicKey()};
        byte[] m = ruling.bytes();
        byte[][] all = {a.sign(m), b.sign(m), arbiter.sign(m)};
        for (int skip = 0; skip < 3; skip++) {
            byte[][] pair = all.clone();
            pair[skip] = null;
            assertThat(ruling.approved(keys, pair)).as("pair without %d", skip).isTrue();
        }
        for (int only = 0; only < 3; only++) {
            byte[][] one = new byte[3][];
            one[only] = all[only];
            assertThat(ruling.approved(keys, one)).isFalse();
        }
        byte[][] sameKeyTwice = {a.publicKey(), b.publicKey(), a.publicKey()};
        assertThat(ruling.approved(sameKeyTwice, new byte[][] {all[0], null, all[0]})).isFalse();
        assertThat(new Arbitration(id, 31, 69).approved(keys, all)).isFalse();
    }

    @Test
    void xrplKeysAcceptBothForms() {
        byte[] raw = a.publicKey();
        assertThat(XrplKeys.normalise(Hex.encode(raw).toUpperCase())).isEqualTo(raw);
        assertThat(XrplKeys.normalise(XrplKeys.toXrpl(raw))).isEqualTo(raw);
        assertThatThrownBy(() -> XrplKeys.normalise("02" + Hex.encode(raw))).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(int n) {
        byte[] out = new byte[n];
        RANDOM.nextBytes(out);
        return out;
    }

    private static byte[] reverse(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }

    private static byte[] toFixed(BigInteger v, int len) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[len];
        int copy = Math.min(raw.length, len);
        System.arraycopy(raw, raw.length - copy, out, len - copy, copy);
        return out;
    }
}
