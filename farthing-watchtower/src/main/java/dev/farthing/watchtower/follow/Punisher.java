package dev.farthing.watchtower.follow;

import dev.farthing.watchtower.blob.JusticePayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Submits one penalty, retrying transient failures with backoff until it lands, the engine refuses it for
 * good, or the dispute window closes by the engine's ledger time ({@link LedgerClock}, refreshed before every
 * attempt; the tower's own clock is never consulted, so no attempt is made once the ledger says it is late). The engine answers a penalty that already landed idempotently, so a
 * retry after a lost reply, or after a tower restart, is safe.
 */
final class Punisher {
    private static final Logger LOG = LoggerFactory.getLogger(Punisher.class);
    private final PenaltySubmitter submitter;
    private final LedgerClock ledger;
    private final FollowerStats stats;
    private final Duration backoffBase;
    private final Duration backoffCap;
    private final CountDownLatch stopSignal;

    Punisher(PenaltySubmitter submitter, LedgerClock ledger, FollowerStats stats, Duration backoffBase, Duration backoffCap,
             CountDownLatch stopSignal) {
        this.stopSignal = stopSignal;
        this.submitter = submitter;
        this.ledger = ledger;
        this.stats = stats;
        this.backoffBase = backoffBase;
        this.backoffCap = backoffCap;
    }

    /** True when the penalty landed (now or earlier). */
    boolean punish(ChannelEvent close, JusticePayload payload) throws InterruptedException {
        Backoff backoff = new Backoff(backoffBase, backoffCap);
        for (int attempt = 1; ; attempt++) {
            Instant now = ledger.refresh();
            if (close.windowEndsAt() != null && now != null && !now.isBefore(close.windowEndsAt())) {
                stats.missed.incrementAndGet();
                LOG.error("MISSED penalty for channel {} state {}: the dispute window closed at {} (ledger time now {}) after {} attempts",
                        close.channelId(), close.nonce(), close.windowEndsAt(), now, attempt - 1);
                return false;
            }
            PenaltySubmitter.Verdict verdict = submitOnce(payload);
            switch (verdict.kind()) {
                case LANDED -> {
                    stats.landed.incrementAndGet();
                    LOG.info("Penalty LANDED for channel {} revoked state {}: all funds to party {} ({})",
                            close.channelId(), close.nonce(), payload.payTo(), verdict.detail());
                    return true;
                }
                case REFUSED -> {
                    stats.refused.incrementAndGet();
                    LOG.warn("Penalty refused for channel {} state {}: {}", close.channelId(), close.nonce(), verdict.detail());
                    return false;
                }
                case RETRY -> {
                    Duration wait = backoff.next();
                    LOG.warn("Penalty for channel {} state {} not yet accepted (attempt {}: {}); retrying in {} ms",
                            close.channelId(), close.nonce(), attempt, verdict.detail(), wait.toMillis());
                    pause(wait);
                }
            }
        }
    }

    /**
     * Sleeps unless the tower is stopping. The follower is never interrupted, because an interrupt during
     * FileChannel I/O would close the store's file for every thread; stopping counts down a latch instead.
     */
    private void pause(Duration wait) throws InterruptedException {
        if (stopSignal.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new InterruptedException("tower stopping; the penalty is retried after restart");
        }
    }

    private PenaltySubmitter.Verdict submitOnce(JusticePayload payload) throws InterruptedException {
        try {
            return submitter.submit(payload);
        } catch (IOException e) {
            return PenaltySubmitter.Verdict.retry("engine unreachable: " + e);
        }
    }
}
