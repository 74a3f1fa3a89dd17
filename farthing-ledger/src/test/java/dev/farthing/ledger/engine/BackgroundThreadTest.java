package dev.farthing.ledger.engine;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundThreadTest {
    @Test
    void startsANamedDaemonAndStopEndsASleepingLoop() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        Thread t = BackgroundThread.start("test-loop", () -> {
            running.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // stop() interrupts: the loop ends
            }
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(t.getName()).isEqualTo("test-loop");
        assertThat(t.isDaemon()).isTrue();
        long started = System.nanoTime();
        BackgroundThread.stop(t);
        assertThat(t.isAlive()).isFalse();
        assertThat(System.nanoTime() - started).as("ended by the interrupt, not the join timeout")
                .isLessThan(TimeUnit.SECONDS.toNanos(4));
    }

    @Test
    void stoppingAThreadNeverStartedDoesNothing() {
        BackgroundThread.stop(null);
    }
}
