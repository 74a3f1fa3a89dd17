package dev.farthing.channels;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A daemon thread that calls {@link ChannelService#tick()} every {@code periodMs}; deadlines are ledger time. */
final class ChannelTicker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelTicker.class);
    private final Thread thread;
    private volatile boolean running = true;

    private ChannelTicker(ChannelService service, long periodMs) {
        this.thread = Thread.ofPlatform().name("farthing-channel-ticker").daemon().unstarted(() -> {
            while (running) {
                try {
                    Thread.sleep(periodMs);
                    service.tick();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.warn("channel tick failed; retrying next period: {}", e.toString());
                }
            }
        });
    }

    static ChannelTicker start(ChannelService service, long periodMs) {
        ChannelTicker t = new ChannelTicker(service, periodMs);
        t.thread.start();
        return t;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
