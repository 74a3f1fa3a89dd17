package dev.farthing.watchtower.follow;

import dev.farthing.watchtower.blob.BlobOpenException;
import dev.farthing.watchtower.blob.Hint;
import dev.farthing.watchtower.blob.JusticeBlob;
import dev.farthing.watchtower.blob.JusticePayload;
import dev.farthing.watchtower.blob.SealedBlob;
import dev.farthing.watchtower.store.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Follows the engine's channel event stream from the durable cursor. For each broadcast state (a
 * {@code close_started}, or a {@code state_replaced} during the window) it
 * looks the commitment's hint up in the store (O(1), no disk read unless it matches), opens the candidate
 * blobs with the commitment, and submits the penalty. The cursor is saved only after a whole page of events
 * has been handled, so a crash anywhere re-reads those events on restart and nothing is skipped.
 */
public final class Follower implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Follower.class);
    private final EventSource source;
    private final BlobStore store;
    private final CursorFile cursor;
    private final Punisher punisher;
    private final CrashPoint crash;
    private final FollowerStats stats = new FollowerStats();
    private final Duration pollWait;
    private final LedgerClock ledger;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile boolean stopped;

    public Follower(EventSource source, BlobStore store, PenaltySubmitter submitter, CursorFile cursor,
                    CrashPoint crash, Duration pollWait) {
        this.source = source;
        this.store = store;
        this.cursor = cursor;
        this.crash = crash;
        this.pollWait = pollWait;
        this.ledger = new LedgerClock(source);
        this.punisher = new Punisher(submitter, ledger, stats, Duration.ofMillis(50), Duration.ofSeconds(2),
                stopSignal);
    }

    @Override
    public void run() {
        LOG.info("Following channel events after seq {}", cursor.seq());
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        try {
            while (!stopped) {
                if (followOnce()) {
                    backoff.reset();
                } else if (stopSignal.await(backoff.next().toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            LOG.info("Follower interrupted: {}", e.getMessage());
        }
        LOG.info("Follower stopped at seq {}", cursor.seq());
    }

    /** Polls and handles one page; false when the engine could not be reached. */
    boolean followOnce() throws InterruptedException {
        EventPage page;
        try {
            page = source.poll(cursor.seq(), pollWait);
        } catch (IOException e) {
            LOG.warn("Event stream unavailable after seq {}: {}", cursor.seq(), e.toString());
            return false;
        }
        ledger.observe(page.ledgerTime());
        for (ChannelEvent event : page.events()) {
            if (stopped) {
                return true;
            }
            ledger.observe(event.at());
            handle(event);
        }
        if (!page.events().isEmpty()) {
            crash.reached(CrashPoint.BEFORE_CURSOR_SAVE);
        }
        cursor.save(Math.max(cursor.seq(), page.next()));
        return true;
    }

    private void handle(ChannelEvent event) throws InterruptedException {
        stats.events.incrementAndGet();
        if (!event.isBroadcast()) {
            return;
        }
        stats.closes.incrementAndGet();
        byte[] commitment = event.commitment();
        for (SealedBlob candidate : store.candidates(Hint.ofCommitment(commitment))) {
            JusticePayload payload = open(event, commitment, candidate);
            if (payload == null) {
                continue;
            }
            stats.matched.incrementAndGet();
            LOG.warn("REVOKED state broadcast: channel {} state {} (seq {}); submitting the penalty",
                    event.channelId(), event.nonce(), event.seq());
            crash.reached(CrashPoint.BEFORE_SUBMIT);
            if (punisher.punish(event, payload)) {
                return;
            }
        }
    }

    /** The blob's payload when it opens and names this very close; null for a decoy or a mismatch. */
    private static JusticePayload open(ChannelEvent event, byte[] commitment, SealedBlob candidate) {
        try {
            JusticePayload p = JusticeBlob.open(commitment, candidate.blob());
            if (p.channelIdHex().equalsIgnoreCase(event.channelId()) && p.revokedNonce() == event.nonce()) {
                return p;
            }
            LOG.warn("Blob under hint {} opens but names channel {} state {}, not the close; ignored",
                    candidate.hint().hex(), p.channelIdHex(), p.revokedNonce());
        } catch (BlobOpenException e) {
            LOG.debug("Blob under hint {} does not open for seq {}: {}", candidate.hint().hex(), event.seq(), e.getMessage());
        }
        return null;
    }

    public FollowerStats stats() {
        return stats;
    }

    public long cursor() {
        return cursor.seq();
    }

    /** The engine's ledger time as last seen (null before the engine first answered). */
    public java.time.Instant ledgerTime() {
        return ledger.latest();
    }

    /**
     * Asks the loop to stop after the event in hand (a long poll in flight ends by its wait); a penalty in
     * retry stops at once, its cursor unsaved so a restart retries it.
     */
    public void stop() {
        stopped = true;
        stopSignal.countDown();
    }
}
