package dev.farthing.watchtower.store;

import dev.farthing.watchtower.blob.Hint;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class HintIndexTest {
    private static final long SEED = Long.getLong("farthing.seed", System.nanoTime());

    @Test
    void agreesWithAHashMapThroughGrowth() {
        System.out.println("seed=" + SEED);
        Random random = new Random(SEED);
        HintIndex index = new HintIndex(0);
        Map<Hint, Integer> model = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            // Some hints repeat (a chain grows), some share a half, zero is a legal hint.
            Hint h = random.nextInt(10) == 0 && !model.isEmpty() ? new Hint(i % 7, 0) : new Hint(random.nextLong(), random.nextLong());
            index.put(h, i);
            model.put(h, i);
        }
        index.put(new Hint(0, 0), 50_000);
        model.put(new Hint(0, 0), 50_000);
        assertThat(index.size()).isEqualTo(model.size());
        model.forEach((h, v) -> assertThat(index.get(h)).isEqualTo(v));
        for (int i = 0; i < 10_000; i++) {
            Hint absent = new Hint(random.nextLong(), random.nextLong());
            assertThat(index.get(absent)).isEqualTo(model.getOrDefault(absent, -1));
        }
        assertThat(index.size()).isLessThanOrEqualTo(index.capacity() * 3 / 4);
    }
}
