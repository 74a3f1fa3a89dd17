package dev.farthing.risk.graph;

/**
 * Depth-bounded search for a recent path of moved money from the payee back to the payer, which a payment
 * payer→payee would close into a cycle (mule rings). Iterative deepening finds the shortest cycle; the
 * fan-out is bounded by the out-edges kept per account, so the cost is at most edges^(hops-1) visits.
 */
final class CycleSearch {
    private CycleSearch() {
    }

    /** Hops of the shortest cycle payer→payee→…→payer using edges at or after {@code since}, or 0. */
    static int shortestCycle(PaymentRing[] outEdges, int payer, int payee, long since, int maxHops) {
        if (payer < 0 || payee < 0 || payer == payee) {
            return 0;
        }
        for (int depth = 1; depth < maxHops; depth++) {
            if (reaches(outEdges, payee, payer, since, depth)) {
                return depth + 1;
            }
        }
        return 0;
    }

    private static boolean reaches(PaymentRing[] outEdges, int from, int target, long since, int depth) {
        PaymentRing ring = from < outEdges.length ? outEdges[from] : null;
        if (ring == null) {
            return false;
        }
        for (int i = 0; i < ring.size(); i++) {
            if (ring.atNanos(i) < since) {
                continue;
            }
            int next = ring.counterparty(i);
            if (next == target) {
                return true;
            }
            if (depth > 1 && reaches(outEdges, next, target, since, depth - 1)) {
                return true;
            }
        }
        return false;
    }
}
