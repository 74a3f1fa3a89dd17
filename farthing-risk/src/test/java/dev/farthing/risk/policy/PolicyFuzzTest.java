package dev.farthing.risk.policy;

import dev.farthing.risk.features.DefaultFeatureEngine;
import dev.farthing.risk.features.FeatureSchema;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damaged policy sources (random deletions, insertions and swaps in the default policy) either compile or fail
 * with a {@link PolicyException} whose every error points inside the file: never another exception.
 */
class PolicyFuzzTest {
    private static final String ALPHABET = "=>\"'#()&|!<>.,:;\\ \n\tabcxyz_019";

    @Test
    void damagedPoliciesFailCleanlyWithPositionsInsideTheFile() {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        FeatureSchema schema = DefaultFeatureEngine.defaultSchema();
        String original = PolicyStore.defaultSource();
        int failed = 0;
        for (int round = 0; round < 80; round++) {
            String source = damage(original, random);
            try {
                PolicyCompiler.compile(source, schema);
            } catch (PolicyException e) {
                failed++;
                int lines = source.split("\n", -1).length;
                for (PolicyError error : e.errors()) {
                    assertThat(error.line()).as("seed=%d: %s", seed, error).isBetween(1, lines);
                    assertThat(error.column()).as("seed=%d: %s", seed, error).isPositive();
                    assertThat(error.message()).isNotBlank();
                }
            }
        }
        assertThat(failed).as("most damaged policies are invalid").isGreaterThan(25);
    }

    private static String damage(String source, Random random) {
        StringBuilder s = new StringBuilder(source);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(3)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                default -> s.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return s.toString();
    }
}
