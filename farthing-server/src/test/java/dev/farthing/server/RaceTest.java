package dev.farthing.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** 1,000 concurrent HTTP debits of 1 from a wallet holding 100: exactly 100 succeed. */
class RaceTest {
    @TempDir
    Path dir;

    @Test
    void exactlyTheFundedDebitsSucceed() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            assertThat(t.createAccount("bank", "settlement").status()).isEqualTo(201);
            assertThat(t.createAccount("wallet", "wallet").status()).isEqualTo(201);
            assertThat(t.createAccount("shop", "merchant").status()).isEqualTo(201);
            assertThat(t.transfer("fund", "bank", "wallet", 100).status()).isEqualTo(201);

            Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
            AtomicInteger next = new AtomicInteger();
            int clients = 64;
            int total = 1_000;
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    futures.add(pool.submit(() -> {
                        int i;
                        while ((i = next.getAndIncrement()) < total) {
                            TestServer.Resp r = t.transfer("debit-" + i, "wallet", "shop", 1);
                            String key = r.status() + " " + (r.status() == 201 ? "" : r.code());
                            outcomes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            }
            assertThat(outcomes).containsOnlyKeys("201 ", "422 insufficient_funds");
            assertThat(outcomes.get("201 ").get()).isEqualTo(100);
            assertThat(outcomes.get("422 insufficient_funds").get()).isEqualTo(900);
            assertThat(t.balance("wallet")).isZero();
            assertThat(t.balance("shop")).isEqualTo(100);
            assertThat(t.get("/v1/accounts/wallet").json().get("available").asLong()).isZero();
        }
    }
}
