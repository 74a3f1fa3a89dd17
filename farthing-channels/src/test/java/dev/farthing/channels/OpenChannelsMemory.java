package dev.farthing.channels;

import dev.farthing.keys.Ed25519;
import dev.farthing.keys.SoftwareSigner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Memory benchmark: opens N channels (half one-way, half two-way) through the real service on a real ledger,
 * then measures the heap the channel service retains, after a full GC, as the heap in use with the service
 * open minus the heap in use once it is closed and unreachable (so the ledger's own memory is not counted).
 * Every channel gets its own key arrays and account names, as requests decoded from HTTP would.
 * Prints bytes per open channel; {@code main} runs it in a child JVM for the 1M case.
 */
public final class OpenChannelsMemory {
    static final String RESULT = "bytes per open channel: ";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        System.out.println("seed=" + seed);
        long perChannel = measure(dir, n, new Random(seed));
        System.out.println(RESULT + perChannel);
    }

    /** Retained bytes per open channel for {@code n} channels. */
    static long measure(Path dir, int n, Random random) throws Exception {
        SoftwareSigner[] pool = new SoftwareSigner[16];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = Ed25519.generate(Keys.RANDOM);
        }
        int wallets = Math.max(2, Math.min(n / 10, 10_000));
        long t0 = System.nanoTime();
        try (Harness h = new Harness(dir, c -> c.withFsync(false).withTickMs(0))) {
            for (int i = 0; i < wallets; i++) {
                h.wallet("payer-" + i, 1_000_000_000L);
                h.wallet("payee-" + i, 1_000_000_000L);
            }
            for (int i = 0; i < n; i++) {
                byte[] id = new byte[32];
                random.nextBytes(id);
                // Account names built afresh per channel, as a decoded request would carry them.
                String payer = new StringBuilder("payer-").append(random.nextInt(wallets)).toString();
                String payee = new StringBuilder("payee-").append(random.nextInt(wallets)).toString();
                boolean twoWay = i % 2 == 1;
                h.channels.open(new OpenRequest(id, twoWay ? ChannelKind.TWO_WAY : ChannelKind.ONE_WAY, payer, payee,
                        1_000, twoWay ? 500 : 0, new String("USD".toCharArray()), key(pool, random),
                        twoWay ? key(pool, random) : null, twoWay ? key(pool, random) : null,
                        twoWay ? key(pool, random) : null, null, null, 0));
            }
            System.out.printf("opened %d channels in %.1f s (%d wallets)%n", n, (System.nanoTime() - t0) / 1e9, wallets * 2);
            if (h.channels.openChannels() != n) {
                throw new AssertionError("expected " + n + " open channels, the service holds " + h.channels.openChannels());
            }
            long withService = heapUsedAfterGc();
            h.channels.close();
            h.channels = null;
            long withoutService = heapUsedAfterGc();
            long retained = withService - withoutService;
            System.out.printf("channel service retains %.1f MiB for %d open channels (heap %.1f -> %.1f MiB)%n",
                    retained / 1048576.0, n, withService / 1048576.0, withoutService / 1048576.0);
            h.channels = ChannelService.open(h.ledger, h.config()); // for Harness.close
            return retained / n;
        } finally {
            System.out.printf("channel data on disk: %d bytes%n", size(dir.resolve("channels")));
        }
    }

    private static byte[] key(SoftwareSigner[] pool, Random random) {
        return pool[random.nextInt(pool.length)].publicKey().clone();
    }

    static long heapUsedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()));
        }
        return used;
    }

    private static long size(Path p) throws java.io.IOException {
        try (var files = Files.walk(p)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
