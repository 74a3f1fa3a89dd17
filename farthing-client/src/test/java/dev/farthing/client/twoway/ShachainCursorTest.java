package dev.farthing.client.twoway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.farthing.channel.protocol.RevocationSecrets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShachainCursorTest {
    @Test
    void matchesGenerateFromSeedForSequentialAndRandomIndexes() {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        byte[] s = new byte[32];
        random.nextBytes(s);
        ShachainCursor cursor = new ShachainCursor(s);
        for (long nonce = 0; nonce < 600; nonce++) {
            long index = RevocationSecrets.indexOf(nonce);
            assertThat(cursor.secret(index)).isEqualTo(RevocationSecrets.generateFromSeed(s, index));
        }
        for (int i = 0; i < 200; i++) {
            long index = random.nextLong(RevocationSecrets.MAX_INDEX + 1);
            assertThat(cursor.secret(index)).isEqualTo(RevocationSecrets.generateFromSeed(s, index));
        }
        // BOLT 3 generate_from_seed vector: seed 0x00..00, I = 281474976710655 (2^48 - 1).
        assertThat(dev.farthing.keys.Hex.encode(new ShachainCursor(new byte[32]).secret(281474976710655L)))
                .isEqualTo("02a40c85b6f28da08dfdbe0926c53fab2de6d28c10301f8f7c4073d5e42e3148");
    }
}
