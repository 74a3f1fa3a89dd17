package dev.farthing.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v1/accounts}, {@code /v1/transfers?account=} and {@code /v1/payments?status=}: bounded pages, a
 * {@code next_cursor} that walks the whole listing, and pages that neither repeat nor skip what existed when
 * paging began while other clients keep writing. Randomised: prints its seed, replay with -Dfarthing.seed=N.
 */
class ListingTest {
    @TempDir
    static Path dir;
    static TestServer t;
    static long seed;
    static Random random;

    @BeforeAll
    static void start() {
        String fixed = System.getProperty("farthing.seed");
        seed = fixed != null && !fixed.isBlank() ? Long.parseLong(fixed.trim()) : new SecureRandom().nextLong();
        System.out.println("ListingTest: seed=" + seed + "   (replay with -Dfarthing.seed=" + seed + ")");
        random = new Random(seed);
        t = TestServer.start(dir);
        assertThat(t.createAccount("bank", "settlement").status()).isEqualTo(201);
        assertThat(t.createAccount("alice", "wallet").status()).isEqualTo(201);
        assertThat(t.createAccount("bob", "merchant").status()).isEqualTo(201);
        assertThat(t.createAccount("platform", "fee").status()).isEqualTo(201);
        assertThat(t.transfer("fund", "bank", "alice", 1_000_000).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (t != null) {
            t.close();
        }
    }

    /** Every item of a listing, following next_cursor; asserts each page's bound on the way. */
    static List<String> walk(String firstPage, int limit, String idField) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String sep = firstPage.contains("?") ? "&" : "?";
            TestServer.Resp r = t.send("GET", firstPage + sep + "limit=" + limit + (cursor == null ? "" : "&after=" + cursor),
                    (String) null, t.auditorKey);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode data = r.json().get("data");
            assertThat(data.size()).as("page size").isLessThanOrEqualTo(limit);
            data.forEach(item -> ids.add(item.get(idField).asText()));
            cursor = r.json().get("next_cursor").isNull() ? null : r.json().get("next_cursor").asText();
            assertThat(cursor == null || data.size() == limit).as("only the last page is short").isTrue();
            assertThat(++pages).as("terminates").isLessThan(10_000);
        } while (cursor != null);
        return ids;
    }

    @Test
    void accountsPageInIdOrderWhileOthersAreOpened() throws Exception {
        Set<String> before = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            String id = "w-" + Integer.toString(random.nextInt(1 << 20), 36) + "-" + i;
            assertThat(t.createAccount(id, "wallet").status()).isEqualTo(201);
            before.add(id);
        }
        long writerSeed = random.nextLong();
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = Thread.ofPlatform().start(() -> {
            Random r = new Random(writerSeed);
            for (int i = 0; !stop.get() && i < 500; i++) {
                t.createAccount("w-" + Integer.toString(r.nextInt(1 << 20), 36) + "-new" + i, "wallet");
            }
        });
        List<String> seen;
        try {
            seen = walk("/v1/accounts", 7, "id");
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(new HashSet<>(seen)).as("seed %d: no account twice", seed).hasSize(seen.size());
        assertThat(seen).as("seed %d: id order", seed).isSorted();
        assertThat(seen).as("seed %d: every account that existed before paging", seed).containsAll(before);
        int total = walk("/v1/accounts", 1000, "id").size();
        assertThat(t.send("GET", "/v1/accounts", (String) null, t.auditorKey).json().get("data").size())
                .as("default page size").isEqualTo(Math.min(100, total));
    }

    @Test
    void transfersPageNewestFirstWhileMoneyMoves() throws Exception {
        assertThat(t.createAccount("carol", "wallet").status()).isEqualTo(201);
        assertThat(t.transfer("fund-carol", "bank", "carol", 100_000).status()).isEqualTo(201);
        Set<String> before = new HashSet<>();
        before.add("fund-carol");
        for (int i = 0; i < 40; i++) {
            assertThat(t.transfer("c-" + i, "carol", "bob", 1 + random.nextInt(10)).status()).isEqualTo(201);
            before.add("c-" + i);
        }
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; !stop.get() && i < 500; i++) {
                t.transfer("c-new-" + i, "carol", "bob", 1);
            }
        });
        List<String> seen;
        try {
            seen = walk("/v1/transfers?account=carol", 6, "id");
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(new HashSet<>(seen)).as("seed %d: no transfer twice", seed).hasSize(seen.size());
        assertThat(seen).as("seed %d: every transfer made before paging", seed).containsAll(before);
        List<String> older = seen.subList(seen.indexOf("c-39"), seen.size());
        assertThat(older).as("seed %d: newest first, nothing new after the older ones", seed)
                .noneMatch(id -> id.startsWith("c-new-"));
        assertThat(older.getLast()).isEqualTo("fund-carol");
        assertThat(walk("/v1/accounts/carol/transfers", 1000, "id")).as("the same listing").containsAll(before);
    }

    @Test
    void paymentsPageByStatusWhileOthersAreDecided() throws Exception {
        t.usePolicy(RiskHttpTest.POLICY);
        Set<String> held = new HashSet<>();
        Set<String> all = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            boolean hold = random.nextBoolean();
            String id = "p-" + Integer.toString(random.nextInt(1 << 20), 36) + "-" + i;
            TestServer.Resp r = t.post("/v1/payments", payment(id, hold ? 77 : 10 + random.nextInt(5)));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            if (r.json().get("status").asText().equals("held")) { // 77 is challenged by the policy: its money is held
                held.add(id);
            }
            all.add(id);
        }
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; !stop.get() && i < 200; i++) {
                t.post("/v1/payments", payment("p-new-" + i, i % 2 == 0 ? 77 : 12));
            }
        });
        List<String> seenHeld;
        List<String> seenAll;
        try {
            seenHeld = walk("/v1/payments?status=held", 4, "id");
            seenAll = walk("/v1/payments", 9, "id");
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(seenHeld).as("seed %d: every held payment, once, in id order", seed).containsAll(held).isSorted()
                .doesNotHaveDuplicates();
        assertThat(held).as("seed %d: the policy held some", seed).isNotEmpty();
        assertThat(seenHeld).as("seed %d: only held ones", seed).allMatch(id -> !all.contains(id) || held.contains(id));
        assertThat(seenAll).as("seed %d: all statuses", seed).containsAll(all).isSorted().doesNotHaveDuplicates();
        assertThat(t.send("GET", "/v1/payments?status=held&limit=1001", (String) null, t.auditorKey).status()).isEqualTo(400);
    }

    private static String payment(String id, long amount) {
        return "{\"id\":\"" + id + "\",\"payer\":\"alice\",\"payee\":\"bob\",\"amount\":" + amount
                + ",\"currency\":\"USD\",\"fee\":{\"account\":\"platform\",\"amount\":1},"
                + "\"context\":{\"device_id\":\"d-1\",\"ip\":\"10.0.0.1\",\"country\":\"GB\"}}";
    }
}
