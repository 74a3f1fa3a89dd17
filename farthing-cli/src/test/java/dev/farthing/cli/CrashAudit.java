package dev.farthing.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.cli.CrashBook.Group;
import dev.farthing.cli.LedgerHttp.Reply;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The checks run against a freshly restarted server. Each adds to the book's violations rather than
 * throwing, so one run reports everything that went wrong at once.
 */
final class CrashAudit {
    private static final int RECENT_SAMPLE = 300;
    private static final int RETRIES = 8;

    private final LedgerHttp http;
    private final CrashBook book;
    private final Random random;

    CrashAudit(LedgerHttp http, CrashBook book, Random random) {
        this.http = http;
        this.book = book;
        this.random = random;
    }

    void runAll() throws IOException, InterruptedException {
        resolveDoubts();
        checkRecentlyAcknowledged();
        checkListingsAndBalances();
        retryAcknowledgedIdempotently();
    }

    /** Requests cut off by the kill: all legs committed, or none; never part of an atomic batch. */
    void resolveDoubts() throws IOException, InterruptedException {
        for (Group g : book.inDoubt()) {
            int present = 0;
            for (Leg leg : g.legs()) {
                Reply r = http.lookupTransfer(leg.id());
                if (r.status() == 200) {
                    present++;
                    expectMatch(leg, r.body(), "in-doubt transfer");
                } else if (r.status() != 404) {
                    book.violation("GET /v1/transfers/" + leg.id() + " answered " + r);
                }
            }
            if (present != 0 && present != g.legs().size()) {
                book.violation("half-applied atomic batch: " + present + " of " + g.legs().size() + " legs of "
                        + g.legs().getFirst().id() + " exist after restart");
            }
            if (present == g.legs().size() && g.expectRefusal()) {
                book.violation("in-doubt pair " + g.legs().getFirst().id() + " committed though it overdraws");
            }
            book.resolve(g, present == g.legs().size());
        }
    }

    /** Everything acknowledged since the last restart (a sample when many) reads back by id. */
    void checkRecentlyAcknowledged() throws IOException, InterruptedException {
        List<Leg> legs = new ArrayList<>();
        book.drainAckedSinceLastCheck().forEach(g -> legs.addAll(g.legs()));
        Collections.shuffle(legs, random);
        for (Leg leg : legs.subList(0, Math.min(RECENT_SAMPLE, legs.size()))) {
            Reply r = http.lookupTransfer(leg.id());
            if (r.status() != 200) {
                book.violation("acknowledged transfer " + leg.id() + " is missing after restart: " + r);
            } else {
                expectMatch(leg, r.body(), "acknowledged transfer");
            }
        }
    }

    /**
     * The full audit: every account's listing holds each of its transfers exactly once; together they are
     * exactly the committed legs (nothing refused or lost); stored totals equal both the listing's sums and
     * the book's; and per currency, posted debits equal posted credits.
     */
    void checkListingsAndBalances() throws IOException, InterruptedException {
        Map<String, Leg> committed = book.committedLegs();
        Map<String, Leg> forbidden = book.forbiddenLegs();
        Map<String, long[]> expected = book.expectedTotals();
        Map<String, Integer> appearances = new HashMap<>();
        Map<String, long[]> currencyTotals = new HashMap<>();
        for (String[] account : CrashAccounts.all()) {
            String id = account[0];
            long[] listed = sumListing(id, committed, forbidden, appearances);
            Reply a = http.account(id);
            if (a.status() != 200) {
                book.violation("account " + id + " is missing after restart: " + a);
                continue;
            }
            long debits = a.body().path("debits_posted").asLong();
            long credits = a.body().path("credits_posted").asLong();
            long[] want = expected.getOrDefault(id, new long[2]);
            if (debits != listed[0] || credits != listed[1] || debits != want[0] || credits != want[1]) {
                book.violation("account " + id + " posted (debits " + debits + ", credits " + credits
                        + "), its listing sums (" + listed[0] + ", " + listed[1] + "), acknowledged ("
                        + want[0] + ", " + want[1] + ")");
            }
            long[] t = currencyTotals.computeIfAbsent(account[1], c -> new long[2]);
            t[0] += debits;
            t[1] += credits;
        }
        currencyTotals.forEach((currency, t) -> {
            if (t[0] != t[1]) {
                book.violation(currency + " posted debits " + t[0] + " != posted credits " + t[1]);
            }
        });
        committed.forEach((id, leg) -> {
            if (appearances.getOrDefault(id, 0) != 2) {
                book.violation("committed transfer " + id + " appears " + appearances.getOrDefault(id, 0)
                        + " times in account listings (expected 2: its debit and credit accounts)");
            }
        });
    }

    /** {debits, credits} of one account's listing, checking each entry against the book. */
    private long[] sumListing(String account, Map<String, Leg> committed, Map<String, Leg> forbidden,
                              Map<String, Integer> appearances) throws IOException, InterruptedException {
        long[] sums = new long[2];
        Set<String> seenHere = new HashSet<>();
        for (JsonNode t : http.allTransfersOf(account)) {
            String id = t.path("id").asText();
            if (!seenHere.add(id)) {
                book.violation("transfer " + id + " listed twice for account " + account);
                continue;
            }
            appearances.merge(id, 1, Integer::sum);
            Leg leg = committed.get(id);
            if (leg == null) {
                book.violation((forbidden.containsKey(id) ? "refused or uncommitted" : "unknown") + " transfer " + id
                        + " exists in account " + account + ": " + t);
                continue;
            }
            expectMatch(leg, t, "listed transfer");
            if (!account.equals(leg.debit()) && !account.equals(leg.credit())) {
                book.violation("transfer " + id + " is listed for account " + account + ", which it does not touch");
            }
            if (account.equals(leg.debit())) {
                sums[0] += leg.amount();
            }
            if (account.equals(leg.credit())) {
                sums[1] += leg.amount();
            }
        }
        return sums;
    }

    /** Repeating an acknowledged request returns the original (200) and moves no money. */
    void retryAcknowledgedIdempotently() throws IOException, InterruptedException {
        List<Group> acked = new ArrayList<>(book.groupsIn(CrashBook.State.ACKED));
        acked.removeIf(g -> g.legs().getFirst().id().startsWith("fund."));
        Collections.shuffle(acked, random);
        for (Group g : acked.subList(0, Math.min(RETRIES, acked.size()))) {
            if (g.atomic()) {
                Reply r = http.batch(g.legs(), true);
                boolean allReplayed = r.status() == 200 && r.body().path("results").size() == g.legs().size();
                for (JsonNode result : r.body().path("results")) {
                    allReplayed &= "ok".equals(result.path("status").asText()) && result.path("replayed").asBoolean();
                }
                if (!allReplayed) {
                    book.violation("retrying atomic batch " + g.legs().getFirst().id() + " was not a replay: " + r);
                }
            } else {
                Reply r = http.transfer(g.legs().getFirst());
                if (r.status() != 200) {
                    book.violation("retrying " + g.legs().getFirst().id() + " answered " + r + " (expected 200)");
                } else {
                    expectMatch(g.legs().getFirst(), r.body(), "replayed transfer");
                }
            }
        }
        checkTotalsUnchanged();
    }

    private void checkTotalsUnchanged() throws IOException, InterruptedException {
        Map<String, long[]> expected = book.expectedTotals();
        for (String[] account : CrashAccounts.all()) {
            Reply a = http.account(account[0]);
            long[] want = expected.getOrDefault(account[0], new long[2]);
            if (a.status() != 200 || a.body().path("debits_posted").asLong() != want[0]
                    || a.body().path("credits_posted").asLong() != want[1]) {
                book.violation("after idempotent retries account " + account[0] + " is " + a.body()
                        + ", expected debits " + want[0] + " credits " + want[1]);
            }
        }
    }

    private void expectMatch(Leg leg, JsonNode view, String what) {
        if (!leg.matches(view)) {
            book.violation(what + " " + leg.id() + " differs from what was sent " + leg + ": " + view);
        }
    }
}
