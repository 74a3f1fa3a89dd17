package dev.farthing.channels;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets for dispute submissions, per channel and per submitter, in ledger-independent monotonic time.
 * Only submissions that fail (or that need signature verification) spend tokens; a valid penalty is proved
 * by one SHA-256 and is never throttled, so a flood of junk cannot crowd out the honest response.
 * Both maps are bounded (least recently used submitters and channels are forgotten).
 */
final class DisputeLimiter {
    private static final int MAX_KEYS = 10_000;
    private final double perSecond;
    private final double burst;
    private final Map<String, double[]> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
            return size() > MAX_KEYS;
        }
    };

    DisputeLimiter(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** True when both the channel's and the submitter's bucket still have a token (and spends one from each). */
    synchronized boolean tryAcquire(String channel, String submitter) {
        long now = System.nanoTime();
        double[] c = bucket("c:" + channel, now);
        double[] s = bucket("s:" + submitter, now);
        if (c[0] < 1 || s[0] < 1) {
            return false;
        }
        c[0] -= 1;
        s[0] -= 1;
        return true;
    }

    /** True when the submitter has a token left, without spending it (checked before any work). */
    synchronized boolean submitterAllowed(String submitter) {
        return bucket("s:" + submitter, System.nanoTime())[0] >= 1;
    }

    /** Spends a token from the submitter's bucket for a failed submission. */
    synchronized void penalise(String channel, String submitter) {
        long now = System.nanoTime();
        double[] s = bucket("s:" + submitter, now);
        s[0] = Math.max(0, s[0] - 1);
        double[] c = bucket("c:" + channel, now);
        c[0] = Math.max(0, c[0] - 1);
    }

    private double[] bucket(String key, long now) {
        double[] b = buckets.computeIfAbsent(key, k -> new double[] {burst, now});
        double elapsedS = (now - (long) b[1]) / 1e9;
        b[0] = Math.min(burst, b[0] + elapsedS * perSecond);
        b[1] = now;
        return b;
    }
}
