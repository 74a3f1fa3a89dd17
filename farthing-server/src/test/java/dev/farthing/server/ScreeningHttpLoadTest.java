package dev.farthing.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search latency over HTTP at a fixed 1,000 searches/s on the shared OFAC + UN lists. Opt-in
 * ({@code -Dfarthing.screening.http=true}): indexing the lists and five seconds of load are too long for the
 * default run. Latency is measured from each request's scheduled start, so a stalled server is not hidden.
 */
class ScreeningHttpLoadTest {
    @TempDir Path dir;

    @Test
    void p99AtOneThousandSearchesPerSecond() throws Exception {
        assumeTrue(Boolean.getBoolean("farthing.screening.http"), "opt-in: -Dfarthing.screening.http=true");
        Path lists = Path.of(System.getProperty("farthing.shared.dir", "../shared")).resolve("data/sanctions");
        assumeTrue(Files.isDirectory(lists.resolve("ofac-2024-05")), "shared sanctions lists not found at " + lists);
        long seed = Long.getLong("farthing.seed", 5005);
        System.out.println("http load seed " + seed);
        try (TestServer t = TestServer.start(dir)) {
            String load = "{\"ofac_dir\":" + TestServer.MAPPER.writeValueAsString(lists.resolve("ofac-2024-05").toString())
                + ",\"un_file\":" + TestServer.MAPPER.writeValueAsString(lists.resolve("un/UN_consolidated.xml").toString()) + "}";
            assertThat(t.post("/v1/screening/lists", load).status()).isEqualTo(200);
            String[] first = {"Ayman", "Muhammad", "Ali", "Olga", "John", "Maria", "Ivan", "Wei", "Fatima", "Hussein", "Carlos"};
            String[] last = {"al-Zawahiri", "Hassan", "Petrov", "Smith", "Garcia", "Nikolaeva", "Zhang", "Kim", "Rahman", "Lopez"};
            Random random = new Random(seed);
            int rate = 1_000;
            int seconds = 5;
            int total = rate * seconds;
            List<byte[]> bodies = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                bodies.add(("{\"name\":\"" + first[random.nextInt(first.length)] + " " + last[random.nextInt(last.length)]
                    + "\",\"birth_date\":\"" + (1940 + random.nextInt(60)) + "\"}").getBytes());
            }
            for (int i = 0; i < 2_000; i++) t.post("/v1/screening/search", new String(bodies.get(i % bodies.size()))); // warm-up
            long[] micros = new long[total];
            AtomicInteger failures = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(total);
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            long start = System.nanoTime() + 50_000_000;
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < total; i++) {
                    long due = start + i * 1_000_000_000L / rate;
                    while (System.nanoTime() < due) Thread.onSpinWait();
                    int n = i;
                    pool.submit(() -> {
                        try {
                            HttpResponse<String> r = t.client.send(HttpRequest.newBuilder(t.uri("/v1/screening/search"))
                                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + t.operatorKey)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(n % bodies.size()))).build(),
                                HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200) { failures.incrementAndGet(); errors.add(r.body()); }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            errors.add(e.toString());
                        } finally {
                            micros[n] = (System.nanoTime() - due) / 1_000;
                            done.countDown();
                        }
                    });
                }
                done.await();
            }
            Arrays.sort(micros);
            System.out.printf("screening over HTTP at %d/s for %d s: p50 %d us, p99 %d us, p99.9 %d us, max %d us, %d failed%n",
                rate, seconds, micros[total / 2], micros[total * 99 / 100], micros[total * 999 / 1000], micros[total - 1], failures.get());
            assertThat(failures.get()).as(String.valueOf(errors.peek())).isZero();
            assertThat(micros[total * 99 / 100]).as("p99 microseconds").isLessThanOrEqualTo(5_000);
        }
    }
}
