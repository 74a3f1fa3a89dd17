package dev.farthing.watchtower.follow;

import dev.farthing.channel.protocol.Party;
import dev.farthing.watchtower.blob.Hint;
import dev.farthing.watchtower.blob.JusticeBlob;
import dev.farthing.watchtower.blob.JusticePayload;
import dev.farthing.watchtower.blob.SealedBlob;
import dev.farthing.watchtower.store.BlobStore;
import dev.farthing.watchtower.store.StoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of unrelated closes must not delay the one that matters: a close that matches no hint costs one
 * SHA-256 and one hash probe, and no disk read, whatever the number of blobs held.
 */
class FloodTest {
    private static final dev.farthing.watchtower.store.ClientNamespace CLIENT = dev.farthing.watchtower.store.ClientNamespace.of("test");
    private static final long SEED = Long.getLong("farthing.seed", System.nanoTime());
    private static final int BLOBS = 100_000;
    private static final int FLOOD = 50_000;
    private final Random random = new Random(SEED);
    @TempDir
    Path dir;

    @Test
    void unrelatedClosesCostNoDiskReadsAndTheRealOneIsPunished() throws Exception {
        System.out.println("seed=" + SEED);
        ScriptedEvents events = new ScriptedEvents(5_000);
        RecordingSubmitter engine = new RecordingSubmitter();
        byte[] revoked = bytes(124);
        JusticePayload payload = new JusticePayload(bytes(32), 17, bytes(32), Party.B);
        long opened = System.nanoTime();
        try (BlobStore store = BlobStore.open(StoreOptions.defaults(dir).withExpectedBlobs(BLOBS))) {
            fill(store, revoked, payload);
            System.out.printf("filled %d blobs in %d ms%n", BLOBS, (System.nanoTime() - opened) / 1_000_000);
            Instant window = Instant.now().plusSeconds(3600);
            for (int i = 0; i < FLOOD; i++) {
                events.append("close_started", HexFormat.of().formatHex(bytes(32)), bytes(124), i, window);
            }
            events.append("close_started", payload.channelIdHex(), revoked, 17, window);

            Follower follower = new Follower(events, store, engine, CursorFile.open(dir),
                    CrashPoint.NONE, Duration.ofMillis(10));
            long t0 = System.nanoTime();
            while (follower.cursor() < FLOOD + 1) {
                follower.followOnce();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("flood: %d closes against %d blobs in %.3f s (%.0f closes/s)%n",
                    FLOOD + 1, BLOBS, seconds, (FLOOD + 1) / seconds);

            assertThat(engine.submitted).containsExactly(payload);
            assertThat(store.lookupReads()).as("disk reads for the whole flood").isEqualTo(1);
            assertThat(follower.stats().closes()).isEqualTo(FLOOD + 1);
            assertThat(seconds).as("50k closes handled well within a dispute window").isLessThan(30);
        }
    }

    private void fill(BlobStore store, byte[] revoked, JusticePayload payload) throws Exception {
        List<CompletableFuture<?>> done = new ArrayList<>(BLOBS);
        for (int i = 0; i < BLOBS - 1; i++) {
            // Other wallets' blobs: to the tower they are opaque bytes under random hints until a match.
            byte[] blob = bytes(JusticeBlob.SIZE);
            blob[0] = JusticeBlob.VERSION;
            done.add(store.put(CLIENT, new SealedBlob(new Hint(random.nextLong(), random.nextLong()), blob)));
        }
        SealedBlob real = JusticeBlob.seal(revoked, payload, new SecureRandom());
        done.add(store.put(CLIENT, real));
        for (CompletableFuture<?> f : done) {
            f.get();
        }
        assertThat(store.size()).isEqualTo(BLOBS);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
