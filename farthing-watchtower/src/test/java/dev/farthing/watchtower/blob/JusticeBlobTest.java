package dev.farthing.watchtower.blob;

import dev.farthing.channel.protocol.Party;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JusticeBlobTest {
    private static final long SEED = Long.getLong("farthing.seed", System.nanoTime());
    private final Random random = new Random(SEED);
    private final SecureRandom secure = new SecureRandom();

    JusticeBlobTest() {
        System.out.println("seed=" + SEED);
    }

    @Test
    void roundTripsUnderTheExactCommitment() throws Exception {
        byte[] commitment = bytes(136);
        JusticePayload payload = payload(7, Party.B);
        SealedBlob sealed = JusticeBlob.seal(commitment, payload, secure);

        assertThat(JusticeBlob.open(commitment, sealed.blob())).isEqualTo(payload);
        assertThat(sealed.hint()).isEqualTo(Hint.fromBytes(MessageDigest.getInstance("SHA-256").digest(commitment)));
    }

    @Test
    void anotherCommitmentCannotOpenIt() {
        byte[] commitment = bytes(136);
        SealedBlob sealed = JusticeBlob.seal(commitment, payload(3, Party.A), secure);
        byte[] other = commitment.clone();
        other[random.nextInt(other.length)] ^= 1;

        assertThatThrownBy(() -> JusticeBlob.open(other, sealed.blob())).isInstanceOf(BlobOpenException.class);
    }

    @Test
    void everyTamperedByteIsDetected() {
        byte[] commitment = bytes(136);
        byte[] blob = JusticeBlob.seal(commitment, payload(9, Party.A), secure).blob();
        for (int i = 0; i < blob.length; i++) {
            byte[] tampered = blob.clone();
            tampered[i] ^= (byte) (1 << random.nextInt(8));
            int at = i;
            assertThatThrownBy(() -> JusticeBlob.open(commitment, tampered))
                    .as("flip in byte %d", at).isInstanceOf(BlobOpenException.class);
        }
        assertThatThrownBy(() -> JusticeBlob.open(commitment, Arrays.copyOf(blob, blob.length - 1)))
                .isInstanceOf(BlobOpenException.class);
    }

    @Test
    void allBlobsHaveTheSameSizeAndFreshNonces() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            byte[] commitment = bytes(1 + random.nextInt(300));
            JusticePayload p = payload(random.nextLong(Long.MAX_VALUE), random.nextBoolean() ? Party.A : Party.B);
            SealedBlob sealed = JusticeBlob.seal(commitment, p, secure);
            assertThat(sealed.blob()).hasSize(JusticeBlob.SIZE);
            assertThat(seen.add(sealed.blobHex())).isTrue();
        }
        byte[] same = bytes(136);
        JusticePayload p = payload(1, Party.A);
        assertThat(JusticeBlob.seal(same, p, secure).blob()).isNotEqualTo(JusticeBlob.seal(same, p, secure).blob());
    }

    @Test
    void theBlobDoesNotContainTheSecretOrChannelInTheClear() {
        JusticePayload p = payload(5, Party.A);
        String hex = JusticeBlob.seal(bytes(136), p, secure).blobHex();
        assertThat(hex).doesNotContain(p.channelIdHex()).doesNotContain(p.revocationSecretHex());
        assertThat(p.toString()).doesNotContain(p.revocationSecretHex());
    }

    @Test
    void hintRoundTripsThroughHex() {
        Hint h = Hint.fromBytes(bytes(16));
        assertThat(Hint.fromHex(h.hex())).isEqualTo(h);
        assertThat(Hint.fromHex(h.hex().toUpperCase())).isEqualTo(h);
        assertThatThrownBy(() -> Hint.fromHex("abcd")).isInstanceOf(IllegalArgumentException.class);
    }

    private JusticePayload payload(long nonce, Party party) {
        return new JusticePayload(bytes(32), nonce, bytes(32), party);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
