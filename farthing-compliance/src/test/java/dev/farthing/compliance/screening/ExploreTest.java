package dev.farthing.compliance.screening;

import org.junit.jupiter.api.Test;

class ExploreTest {
    @Test
    void explore() {
        long seed = Long.getLong("farthing.seed", 1001);
        Screener sc = new Screener(SharedLists.ofacAndUn());
        var r = ScreeningQualityRun.recall(sc, new PerturbedQueries(seed).generate(sc.snapshot().entries(), 3000));
        System.out.printf("RECALL %.4f (%d/%d)%n", r.rate(), r.found(), r.cases());
        r.misses().forEach(m -> System.out.println("MISS " + m));
        for (String q : new String[] {"vasei layla", "tan tieniu", "ses gruop", "arnlus hussein"}) {
            System.out.println("DBG " + q);
            for (var h : sc.searchDownTo(new ScreeningQuery(q, null, null, null, 3), 0.3).hits()) {
                System.out.println("DBG   " + h.score() + " " + h.matchedName());
                h.explanation().forEach(x -> System.out.println("DBG      " + x));
            }
        }
        var f = ScreeningQualityRun.falseHits(sc, new OrdinaryNames(seed).generate(10000));
        System.out.printf("FALSE %.4f (%d/%d)%n", f.rate(), f.alerted(), f.queries());
        f.examples().forEach(m -> System.out.println("FH " + m));
    }
}
