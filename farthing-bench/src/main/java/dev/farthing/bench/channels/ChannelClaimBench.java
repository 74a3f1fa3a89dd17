package dev.farthing.bench.channels;

import dev.farthing.channel.protocol.Claim;
import dev.farthing.channels.ChannelConfig;
import dev.farthing.channels.ChannelKind;
import dev.farthing.channels.ChannelService;
import dev.farthing.channels.OpenRequest;
import dev.farthing.keys.Ed25519;
import dev.farthing.keys.SoftwareSigner;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Claim redemption end to end in process (verify + channel journal + ledger transfer, durable before it
 * returns): {@code threads} clients each redeem pre-signed claims on their own channels, closed loop.
 * Prints throughput and the latency distribution. Usage:
 * {@code bench channels [claims-per-thread=20000] [threads=2] [fsync=true] [dir=/tmp]}.
 */
public final class ChannelClaimBench {
    private ChannelClaimBench() {
    }

    public static void main(String[] args) throws Exception {
        int perThread = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        boolean fsync = args.length <= 2 || Boolean.parseBoolean(args[2]);
        Path base = Files.createTempDirectory(Path.of(args.length > 3 ? args[3] : "/tmp"), "channel-bench");
        try (Ledger ledger = Ledgers.open(LedgerConfig.defaults(base.resolve("ledger")).withFsync(fsync));
             ChannelService channels = ChannelService.open(ledger,
                     ChannelConfig.defaults(base.resolve("channels")).withFsync(fsync).withTickMs(0))) {
            ledger.createAccount(new NewAccount("mint", "USD", AccountKind.SETTLEMENT, false, 0, Map.of())).join().orThrow();
            List<Client> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                clients.add(Client.create(ledger, channels, t, perThread));
            }
            Histogram latency = new ConcurrentHistogram(3);
            run(clients, Math.min(2_000, perThread / 10), null); // warm-up
            latency.reset();
            long start = System.nanoTime();
            run(clients, perThread, latency);
            double seconds = (System.nanoTime() - start) / 1e9;
            long total = (long) perThread * threads - (long) Math.min(2_000, perThread / 10) * threads;
            System.out.printf("claims=%d threads=%d fsync=%s: %.0f claims/s; latency us p50=%.1f p99=%.1f p99.9=%.1f max=%.1f%n",
                    total, threads, fsync, total / seconds, latency.getValueAtPercentile(50) / 1e3,
                    latency.getValueAtPercentile(99) / 1e3, latency.getValueAtPercentile(99.9) / 1e3,
                    latency.getMaxValue() / 1e3);
            baseline(ledger, threads, perThread / 2);
            if (!channels.conservation().balanced()) {
                throw new IllegalStateException("conservation failed: " + channels.conservation());
            }
        }
    }

    /** The same clients' ledger alone: one plain transfer per call, the floor under a claim's latency. */
    private static void baseline(Ledger ledger, int threads, int perThread) throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(3);
        List<Thread> ts = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int n = t;
            ts.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    long t0 = System.nanoTime();
                    ledger.createTransfer(NewTransfer.simple("base-" + n + "-" + i, "payer" + n, "payee" + n, 1, "USD"))
                            .join().orThrow();
                    latency.recordValue(System.nanoTime() - t0);
                }
            }));
        }
        for (Thread t : ts) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("baseline ledger transfers=%d threads=%d: %.0f/s; latency us p50=%.1f p99=%.1f p99.9=%.1f%n",
                (long) perThread * threads, threads, perThread * threads / seconds, latency.getValueAtPercentile(50) / 1e3,
                latency.getValueAtPercentile(99) / 1e3, latency.getValueAtPercentile(99.9) / 1e3);
    }

    private static void run(List<Client> clients, int upTo, Histogram record) throws InterruptedException {
        List<Thread> ts = new ArrayList<>();
        for (Client c : clients) {
            ts.add(Thread.ofPlatform().start(() -> c.redeemUpTo(upTo, record)));
        }
        for (Thread t : ts) {
            t.join();
        }
    }

    /** One payer/payee pair with one channel and its pre-signed cumulative claims. */
    private record Client(ChannelService channels, byte[] id, byte[][] signatures, int[] done) {
        static Client create(Ledger ledger, ChannelService channels, int n, int claims) {
            SecureRandom random = new SecureRandom();
            SoftwareSigner payer = Ed25519.generate(random);
            String a = "payer" + n;
            String b = "payee" + n;
            for (String w : new String[] {a, b}) {
                ledger.createAccount(new NewAccount(w, "USD", AccountKind.WALLET, null, 0, Map.of())).join().orThrow();
            }
            ledger.createTransfer(NewTransfer.simple("mint-" + a, "mint", a, 1L << 40, "USD")).join().orThrow();
            byte[] id = new byte[32];
            random.nextBytes(id);
            channels.open(new OpenRequest(id, ChannelKind.ONE_WAY, a, b, (long) claims * 10, 0, "USD",
                    payer.publicKey(), null, null, null, 3_600L, null, 0));
            byte[][] sigs = new byte[claims][];
            for (int i = 0; i < claims; i++) {
                sigs[i] = payer.sign(new Claim(id, (i + 1) * 10L).bytes());
            }
            return new Client(channels, id, sigs, new int[1]);
        }

        void redeemUpTo(int upTo, Histogram record) {
            for (int i = done[0]; i < upTo; i++) {
                long t0 = System.nanoTime();
                channels.claim(id, (i + 1) * 10L, signatures[i], null);
                if (record != null) {
                    record.recordValue(System.nanoTime() - t0);
                }
            }
            done[0] = upTo;
        }
    }
}
