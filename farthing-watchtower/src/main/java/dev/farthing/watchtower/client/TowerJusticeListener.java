package dev.farthing.watchtower.client;

import dev.farthing.client.twoway.JusticeListener;
import dev.farthing.client.twoway.JusticeMaterial;
import dev.farthing.watchtower.blob.JusticePayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plugs a wallet's two-way channel into a tower: every revocation the SDK verifies is queued (bounded) and
 * uploaded by a background thread, retrying while the tower is unreachable, so the channel's thread never
 * waits on the network. {@link #awaitUploaded} tells a wallet when it may safely go offline.
 */
public final class TowerJusticeListener implements JusticeListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TowerJusticeListener.class);
    private final TowerClient tower;
    private final BlockingQueue<JusticeMaterial> queue;
    private final AtomicInteger pending = new AtomicInteger();
    private final Thread uploader;
    private volatile boolean closed;

    public TowerJusticeListener(TowerClient tower, int capacity) {
        this.tower = tower;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.uploader = Thread.ofPlatform().name("tower-uploader").daemon().start(this::uploadLoop);
    }

    /** Queues the material; a full queue is an error the wallet must see (it is uploading too slowly). */
    @Override
    public void onRevoked(JusticeMaterial m) {
        pending.incrementAndGet();
        if (!queue.offer(m)) {
            pending.decrementAndGet();
            throw new IllegalStateException("tower upload queue full; the wallet is not protected for state " + m.revokedNonce());
        }
    }

    /** True when every queued blob is durable at the tower within {@code timeout}. */
    public boolean awaitUploaded(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private void uploadLoop() {
        while (!closed) {
            try {
                JusticeMaterial m = queue.poll(100, TimeUnit.MILLISECONDS);
                if (m != null) {
                    uploadWithRetry(m);
                    pending.decrementAndGet();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void uploadWithRetry(JusticeMaterial m) throws InterruptedException {
        JusticePayload payload = new JusticePayload(m.channelId(), m.revokedNonce(), m.revocationSecret(), m.payTo());
        for (long waitMs = 50; !closed; waitMs = Math.min(5_000, waitMs * 2)) {
            try {
                tower.watch(m.commitment(), payload);
                return;
            } catch (TowerException e) {
                if (e.status() >= 400 && e.status() < 500 && e.status() != 429) {
                    LOG.error("Tower refused the blob for {} state {}: {}", payload.channelIdHex(), m.revokedNonce(), e.getMessage());
                    return;
                }
                LOG.warn("Tower upload for state {} failed ({}); retrying in {} ms", m.revokedNonce(), e.getMessage(), waitMs);
                Thread.sleep(waitMs);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        uploader.interrupt();
    }
}
