package dev.farthing.bench.payments;

import dev.farthing.bench.Population;
import dev.farthing.bench.http.HttpTransport;
import dev.farthing.risk.dataset.PaymentRecordJson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /v1/payments} over keep-alive connections. The open-loop schedule puts due times on a queue;
 * one worker per connection takes the next, builds the body and sends it, so a slow answer delays later sends
 * and that delay is measured (latency runs from the intended time).
 */
final class HttpTarget extends PaymentTarget {
    private static final long STOP = Long.MIN_VALUE;
    private final BlockingQueue<Long> due = new ArrayBlockingQueue<>(1 << 20);
    private final List<Thread> workers = new ArrayList<>();
    private volatile LatencyRecorder recorder;

    HttpTarget(HttpTransport.Factory factory, Population population, long seed, int connections) throws Exception {
        super("connections=" + connections + " client=raw");
        for (int i = 0; i < connections; i++) {
            HttpTransport http = factory.open();
            PaymentTraffic traffic = new PaymentTraffic(population, seed + i, "h" + seed + "c" + i);
            workers.add(Thread.ofVirtual().name("bench-http-" + i).start(() -> work(http, traffic)));
        }
    }

    private void work(HttpTransport http, PaymentTraffic traffic) {
        try (http) {
            while (true) {
                long intended = due.take();
                if (intended == STOP) {
                    return;
                }
                sendOne(http, traffic, intended);
                outstanding.answered();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendOne(HttpTransport http, PaymentTraffic traffic, long intended) throws InterruptedException {
        byte[] body = PaymentRecordJson.write(traffic.next()).toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpTransport.Response r = http.post("/v1/payments", body);
            String text = r.bodyText();
            if (r.status() == 201) {
                int at = text.indexOf("\"decision\":\"");
                recorder.answered(intended, at < 0 ? "unknown" : text.substring(at + 12, text.indexOf('"', at + 12)));
            } else {
                recorder.failed(intended, "HTTP " + r.status() + " " + text.substring(0, Math.min(200, text.length())));
            }
        } catch (java.io.IOException e) {
            recorder.failed(intended, "I/O: " + e);
        }
    }

    @Override
    void send(long intendedNanos, LatencyRecorder recorder) {
        this.recorder = recorder;
        outstanding.sent();
        if (!due.offer(intendedNanos)) {
            outstanding.answered();
            recorder.failed(intendedNanos, "generator queue full");
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < workers.size(); i++) {
            due.offer(STOP);
        }
        for (Thread t : workers) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
