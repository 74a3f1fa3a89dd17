package dev.farthing.compliance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The quality targets of docs/SCREENING.md on the shared OFAC 2024-05 + UN lists, on seeds not used for tuning
 * (the threshold was tuned on seed 1001). Quick by default; {@code -Dfarthing.screening.full=true} runs the full
 * sizes on two fresh seeds. {@code -Dfarthing.seed=N} picks the seed.
 */
class ScreeningQualityTest {
    private static final boolean FULL = Boolean.getBoolean("farthing.screening.full");

    @Test
    void recallOnPerturbedListedNamesAndFalseHitsOnOrdinaryNames() {
        Screener screener = new Screener(SharedLists.ofacAndUn());
        long[] seeds = Long.getLong("farthing.seed") != null ? new long[] {Long.getLong("farthing.seed")}
            : FULL ? new long[] {2002, 3003} : new long[] {2002};
        for (long seed : seeds) {
            int listed = FULL ? 20_000 : 1_500;
            int ordinary = FULL ? 50_000 : 5_000;
            ScreeningQualityRun.Recall recall = ScreeningQualityRun.recall(screener,
                new PerturbedQueries(seed).generate(screener.snapshot().entries(), listed));
            ScreeningQualityRun.FalseHits falseHits = ScreeningQualityRun.falseHits(screener,
                new OrdinaryNames(seed).generate(ordinary));
            System.out.printf("screening quality seed=%d threshold=%.2f: recall@3 %.2f%% (%d/%d), false hits %.2f%% (%d/%d)%n",
                seed, screener.alertThreshold(), 100 * recall.rate(), recall.found(), recall.cases(),
                100 * falseHits.rate(), falseHits.alerted(), falseHits.queries());
            ScreeningQualityRun.Recall arabic = ScreeningQualityRun.recall(screener,
                new ArabicRomanizations(seed).generate(screener.snapshot().entries(), FULL ? 10_000 : 1_500));
            System.out.printf("screening quality seed=%d: Arabic-name romanization variants recall@3 %.2f%% (%d/%d)%n",
                seed, 100 * arabic.rate(), arabic.found(), arabic.cases());
            assertThat(arabic.rate()).as("romanization variants recall@3, seed " + seed).isGreaterThanOrEqualTo(0.97);
            recall.misses().stream().limit(10).forEach(m -> System.out.println("  missed: " + m));
            falseHits.examples().stream().limit(10).forEach(m -> System.out.println("  false hit: " + m));
            // Target 99% recall is not met yet (about 96%, see docs/SCREENING.md); this bound keeps what is met.
            assertThat(recall.rate()).as("recall@3, seed " + seed).isGreaterThanOrEqualTo(0.945);
            assertThat(falseHits.rate()).as("false hits, seed " + seed).isLessThanOrEqualTo(0.005);
        }
    }
}
