package dev.farthing.cli;

import dev.farthing.cli.CrashBook.Group;
import dev.farthing.cli.CrashBook.State;
import dev.farthing.cli.LedgerHttp.Reply;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent clients on virtual threads sending single payments and atomic payment-plus-fee pairs until
 * stopped, recording every outcome in the {@link CrashBook}. A client stops at its first I/O failure: the
 * server is presumably dead, and each further attempt would only add another request in doubt.
 */
final class CrashLoad {
    private final LedgerHttp http;
    private final CrashBook book;
    private final long seed;
    private final int cycle;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong sent = new AtomicLong();
    private final List<Thread> clients = new ArrayList<>();

    CrashLoad(LedgerHttp http, CrashBook book, long seed, int cycle) {
        this.http = http;
        this.book = book;
        this.seed = seed;
        this.cycle = cycle;
    }

    void start(int clientCount) {
        for (int c = 0; c < clientCount; c++) {
            int client = c;
            clients.add(Thread.ofVirtual().name("crash-client-" + c).start(() -> run(client)));
        }
    }

    void stopAndJoin() throws InterruptedException {
        stop.set(true);
        for (Thread t : clients) {
            t.join();
        }
    }

    long sent() {
        return sent.get();
    }

    private void run(int client) {
        // Per-client streams: the requests are reproducible from the test seed (timing is not).
        // SplittableRandom mixes its seed; java.util.Random's first draws from nearby seeds are correlated.
        SplittableRandom random = new SplittableRandom(seed + cycle * 1_000_003L + client);
        for (int n = 0; !stop.get(); n++) {
            Group group = nextGroup(random, "c" + cycle + "-" + client + "-" + n);
            sent.incrementAndGet();
            try {
                Reply reply = group.atomic() ? http.batch(group.legs(), true) : http.transfer(group.legs().getFirst());
                book.record(group, classify(group, reply));
            } catch (IOException e) {
                book.record(group, State.IN_DOUBT);
                return;
            } catch (InterruptedException e) {
                book.record(group, State.IN_DOUBT);
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Group nextGroup(SplittableRandom random, String id) {
        int roll = random.nextInt(100);
        if (roll < 5) {
            // Second leg cannot be covered: the pair must be refused as a whole, before and after crashes.
            return new Group(List.of(
                    new Leg(id + ".pay", CrashAccounts.POOR, CrashAccounts.USD.creator(), CrashAccounts.POOR_LEG, "USD"),
                    new Leg(id + ".fee", CrashAccounts.POOR, CrashAccounts.USD.platform(), CrashAccounts.POOR_LEG, "USD")),
                    true, true);
        }
        CrashAccounts.Book b = roll % 4 == 0 ? CrashAccounts.EUR : CrashAccounts.USD;
        String wallet = b.wallets().get(random.nextInt(b.wallets().size()));
        long amount = 1 + random.nextInt(10_000);
        Leg pay = new Leg(id + ".pay", wallet, b.creator(), amount, b.currency());
        if (roll < 55) {
            return new Group(List.of(pay), false, false);
        }
        Leg fee = new Leg(id + ".fee", wallet, b.platform(), 1 + amount / 20, b.currency());
        return new Group(List.of(pay, fee), true, false);
    }

    /** What a reply proves: committed, certainly not committed, or nothing (a 5xx may follow a commit). */
    private State classify(Group group, Reply reply) {
        State state = group.atomic() ? classifyBatch(group, reply) : classifySingle(group, reply);
        if (state == State.ACKED && group.expectRefusal()) {
            book.violation("pair " + group.legs().getFirst().id() + " overdrew a no-overdraft wallet: " + reply);
        }
        if (state == State.REFUSED && !group.expectRefusal()) {
            book.violation("valid request " + group.legs().getFirst().id() + " was refused: " + reply);
        }
        return state;
    }

    private State classifySingle(Group group, Reply reply) {
        int s = reply.status();
        if (s == 201) {
            return State.ACKED;
        }
        if (s == 200) {
            book.violation("fresh transfer " + group.legs().getFirst().id() + " answered as a replay: " + reply);
            return State.ACKED;
        }
        return s >= 400 && s < 500 ? State.REFUSED : State.IN_DOUBT;
    }

    private State classifyBatch(Group group, Reply reply) {
        int s = reply.status();
        if (s != 200) {
            return s >= 400 && s < 500 ? State.REFUSED : State.IN_DOUBT;
        }
        int ok = 0;
        for (var result : reply.body().path("results")) {
            ok += "ok".equals(result.path("status").asText()) ? 1 : 0;
        }
        if (reply.body().path("results").size() != group.legs().size() || (ok != 0 && ok != group.legs().size())) {
            book.violation("atomic batch " + group.legs().getFirst().id() + " answered partly: " + reply);
            return State.IN_DOUBT;
        }
        return ok == 0 ? State.REFUSED : State.ACKED;
    }
}
