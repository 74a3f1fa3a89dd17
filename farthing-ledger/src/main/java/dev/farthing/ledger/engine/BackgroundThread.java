package dev.farthing.ledger.engine;

/** The engine's checker threads: daemons, started by name, stopped by interrupting and waiting a bounded time. */
final class BackgroundThread {
    private static final long STOP_WAIT_MS = 5_000;

    private BackgroundThread() {
    }

    static Thread start(String name, Runnable loop) {
        return Thread.ofPlatform().name(name).daemon().start(loop);
    }

    /** Interrupts {@code thread} (null: never started) and waits up to five seconds for it to end. */
    static void stop(Thread thread) {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(STOP_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
