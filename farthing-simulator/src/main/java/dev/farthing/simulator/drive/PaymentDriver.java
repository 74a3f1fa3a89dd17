package dev.farthing.simulator.drive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.risk.dataset.PaymentRecordJson;
import dev.farthing.risk.policy.Action;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts simulated payments to {@code POST /v1/payments} at a fixed rate (open loop: a send is due at
 * start + i/rate whether or not earlier replies came back), each on its own virtual thread, at most
 * {@code maxInFlight} at once. A challenged payment is completed as its client would: people pass the
 * step-up, attackers fail it.
 */
public final class PaymentDriver {
    private final ServerApi api;
    private final double rate;
    private final long maxNanos;
    private final Semaphore inFlight;
    private final PayerAuthenticators authenticators = new PayerAuthenticators();

    public PaymentDriver(ServerApi api, double rate, long maxNanos, int maxInFlight) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + rate);
        }
        this.api = api;
        this.rate = rate;
        this.maxNanos = maxNanos;
        this.inFlight = new Semaphore(maxInFlight);
    }

    public DriveReport run(List<PaymentRecord> records) throws InterruptedException {
        DriveReport report = new DriveReport();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < records.size(); i++) {
                long due = start + (long) (i * 1e9 / rate);
                if (due - start > maxNanos) {
                    break;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                inFlight.acquire();
                PaymentRecord r = records.get(i);
                threads.submit(() -> {
                    try {
                        send(r, report);
                    } finally {
                        inFlight.release();
                    }
                });
            }
            threads.shutdown();
            threads.awaitTermination(2, TimeUnit.MINUTES);
        }
        report.finish(System.nanoTime() - start);
        return report;
    }

    /**
     * Sends each (already rebased, {@link Schedule#rebase}) record at its own wall-clock time, stopping after
     * the time limit. Records before {@code scoreFromWallNanos} (the warm-up) are sent but not counted.
     */
    public DriveReport runScheduled(List<PaymentRecord> rebased, long scoreFromWallNanos) throws InterruptedException {
        DriveReport report = new DriveReport();
        long start = System.nanoTime();
        long epochAtStart = epochNanos();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (PaymentRecord r : rebased) {
                long due = start + (r.atNanos() - epochAtStart);
                if (due - start > maxNanos) {
                    report.cutShort();
                    break;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else if (-wait > 1_000_000_000L) {
                    report.late();
                }
                inFlight.acquire();
                boolean scored = r.atNanos() >= scoreFromWallNanos;
                threads.submit(() -> {
                    try {
                        send(r, report, scored);
                    } finally {
                        inFlight.release();
                    }
                });
            }
            threads.shutdown();
            threads.awaitTermination(2, TimeUnit.MINUTES);
        }
        report.finish(System.nanoTime() - start);
        return report;
    }

    public static long epochNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private void send(PaymentRecord r, DriveReport report) {
        send(r, report, true);
    }

    private void send(PaymentRecord r, DriveReport report, boolean scored) {
        long t0 = System.nanoTime();
        ServerApi.Reply reply;
        try {
            reply = api.post("/v1/payments", PaymentRecordJson.write(r.payment()));
        } catch (RuntimeException e) {
            report.failed(r, e.getMessage());
            return;
        }
        long micros = (System.nanoTime() - t0) / 1_000;
        if (!reply.ok()) {
            report.failed(r, "HTTP " + reply.status() + " " + reply.body().path("detail").asText(""));
            return;
        }
        JsonNode body = reply.body();
        Action action = Action.fromWire(body.path("decision").asText());
        if (scored) {
            report.decided(r, action, body.path("risk").path("reasons"), micros, body.path("latency_us").asLong(-1));
        } else {
            report.warmedUp();
        }
        if (action == Action.CHALLENGE) {
            // A person proves the step-up with their authenticator over the server's nonce; an attacker cannot.
            String nonce = body.path("challenge").path("nonce").asText(null);
            ObjectNode outcome = !r.fraud() && nonce != null
                    ? ServerApi.object().set("webauthn", authenticators.assertion(api, r.payment().payer(), nonce))
                    : ServerApi.object().put("passed", false);
            api.post("/v1/payments/" + r.payment().id() + "/challenge", outcome);
        }
    }
}
