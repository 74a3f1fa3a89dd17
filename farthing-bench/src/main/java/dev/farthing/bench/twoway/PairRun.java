package dev.farthing.bench.twoway;

import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.Party;
import dev.farthing.client.twoway.Messages;
import dev.farthing.client.twoway.StateStore;
import dev.farthing.client.twoway.TwoWayChannel;
import dev.farthing.keys.KeyFamily;
import dev.farthing.keys.Wallet;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One channel pair driven as two parties would run it: each party on its own thread with its own state file,
 * messages passed through bounded queues. A proposes payments with up to {@link #IN_FLIGHT} updates pipelined;
 * both sides group-commit (one fsync per batch) before releasing revocation secrets.
 */
final class PairRun {
    static final int IN_FLIGHT = 128;
    private static final int FLUSH_EVERY = 128;
    private static final Object STOP = new Object();

    private final TwoWayChannel a;
    private final TwoWayChannel b;
    private final BlockingQueue<Object> toA = new ArrayBlockingQueue<>(4 * IN_FLIGHT + 1024);
    private final BlockingQueue<Object> toB = new ArrayBlockingQueue<>(4 * IN_FLIGHT + 1024);
    private volatile long payeeCpuNanos;

    /** Wall-clock time of the run and the CPU time each party's thread used (robust to a loaded machine). */
    record Result(long wallNanos, long payerCpuNanos, long payeeCpuNanos) {
    }

    PairRun(Path dir, long deposit) {
        Wallet wa = Wallet.fromMnemonic("legal winner thank year wave sausage worth useful legal winner thank yellow", "");
        Wallet wb = Wallet.fromMnemonic("letter advice cage absurd amount doctor acoustic avoid letter advice cage above", "");
        byte[] id = new byte[32];
        id[0] = 1;
        a = TwoWayChannel.open(new TwoWayChannel.Config(id, Party.A, wa.key(KeyFamily.SIGNING, 0),
                wb.key(KeyFamily.SIGNING, 0).publicKey(), wa.channelSecretSeed(0), m -> { }), StateStore.open(dir.resolve("a.state")));
        b = TwoWayChannel.open(new TwoWayChannel.Config(id, Party.B, wb.key(KeyFamily.SIGNING, 0),
                wa.key(KeyFamily.SIGNING, 0).publicKey(), wb.channelSecretSeed(0), m -> { }), StateStore.open(dir.resolve("b.state")));
        byte[] sigA = a.signInitial(b.opening(), deposit, 0);
        byte[] sigB = b.signInitial(a.opening(), deposit, 0);
        a.completeInitial(sigB);
        b.completeInitial(sigA);
    }

    /** Runs {@code updates} one-unit payments A→B, timed until both sides are durable. */
    Result run(int updates) throws InterruptedException {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Thread payee = Thread.ofPlatform().name("party-b").start(this::payeeLoop);
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        payerLoop(updates);
        long payerCpu = threads.getCurrentThreadCpuTime() - cpuStart;
        toB.put(STOP);
        payee.join();
        long elapsed = System.nanoTime() - start;
        ChannelState last = a.latest().state();
        if (!last.equals(b.latest().state()) || last.nonce() < updates) {
            throw new IllegalStateException("parties disagree after the run: " + last + " vs " + b.latest().state());
        }
        a.close();
        b.close();
        return new Result(elapsed, payerCpu, payeeCpuNanos);
    }

    private void payerLoop(int updates) throws InterruptedException {
        long proposed = 0;
        long completed = 0;
        long sinceFlush = 0;
        long revokedByB = 0;
        ChannelState tip = a.latest().state();
        while (completed < updates) {
            while (proposed < updates && proposed - completed < IN_FLIGHT && proposed - revokedByB < 3L * IN_FLIGHT) {
                Messages.Update u = a.propose(tip.balanceA() - 1, tip.balanceB() + 1);
                tip = u.state();
                toB.put(u);
                proposed++;
            }
            Object m = toA.take();
            if (m instanceof Messages.Acceptance acc) {
                a.complete(acc);
                completed++;
                sinceFlush++;
            } else if (m instanceof Messages.Revocation r) {
                a.receive(r);
                revokedByB = r.nonce() + 1;
            }
            if (sinceFlush >= FLUSH_EVERY || completed == updates) {
                for (Messages.Revocation r : a.flush()) {
                    toB.put(r);
                }
                sinceFlush = 0;
            }
        }
    }

    private void payeeLoop() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        try {
            long sinceFlush = 0;
            while (true) {
                Object m = toB.take();
                if (m == STOP) {
                    b.flush();
                    payeeCpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
                    return;
                }
                if (m instanceof Messages.Update u) {
                    toA.put(b.accept(u));
                    sinceFlush++;
                } else if (m instanceof Messages.Revocation r) {
                    b.receive(r);
                }
                if (sinceFlush >= FLUSH_EVERY || (sinceFlush > 0 && toB.isEmpty())) {
                    for (Messages.Revocation r : b.flush()) {
                        toA.put(r);
                    }
                    sinceFlush = 0;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
