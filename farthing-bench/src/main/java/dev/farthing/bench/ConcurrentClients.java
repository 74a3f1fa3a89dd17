package dev.farthing.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs {@code n} client loops on virtual threads and waits for all of them. Virtual threads because the
 * clients spend their life blocked on sockets: 64 of them cost almost nothing on two cores.
 */
public final class ConcurrentClients {
    private ConcurrentClients() {
    }

    public interface ClientLoop {
        void run(int client) throws Exception;
    }

    /** Runs every loop to completion; rethrows the first failure after all have stopped. */
    public static void run(int n, String name, ClientLoop loop) throws Exception {
        AtomicReference<Exception> first = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int client = i;
            threads.add(Thread.ofVirtual().name(name + "-" + i).start(() -> {
                try {
                    loop.run(client);
                } catch (Exception e) {
                    first.compareAndSet(null, e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (first.get() != null) {
            throw first.get();
        }
    }
}
