package dev.farthing.bench;

import dev.farthing.bench.PaymentSource.Leg;
import dev.farthing.bench.http.HttpTransport;
import dev.farthing.bench.http.TransferJson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One payment per request from {@code --clients} keep-alive connections, each waiting for its answer before
 * sending the next (closed loop). Uniform: one transfer, {@code POST /v1/transfers}, expects 201. Hot: the
 * payment and its fee leg as an atomic batch of two on {@code POST /v1/transfers/batch}, since the
 * single-transfer endpoint cannot link them; throughput still counts transfers (two per request).
 */
final class HttpSingleDriver implements ModeDriver {
    private static final String PATH = "/v1/transfers";
    private final List<HttpTransport> transports;
    private final List<PaymentSource> sources;
    private final String currency;
    private final String clientKind;

    HttpSingleDriver(List<HttpTransport> transports, List<PaymentSource> sources, String currency, String clientKind) {
        this.transports = transports;
        this.sources = sources;
        this.currency = currency;
        this.clientKind = clientKind;
    }

    @Override
    public void runPhase(Phase phase) throws Exception {
        ConcurrentClients.run(transports.size(), "http-single", client -> {
            HttpTransport http = transports.get(client);
            PaymentSource source = sources.get(client);
            List<Leg> legs = new ArrayList<>(2);
            while (phase.claim(1) > 0) {
                legs.clear();
                source.nextPayment(legs);
                if (legs.size() == 1) {
                    sendOne(phase, http, legs.getFirst());
                } else {
                    HttpBatchDriver.send(phase, http, legs, TransferJson.batch(legs, currency, true));
                }
            }
        });
    }

    private void sendOne(Phase phase, HttpTransport http, Leg leg) throws InterruptedException {
        byte[] body = TransferJson.single(leg, currency);
        long sent = System.nanoTime();
        try {
            HttpTransport.Response r = http.post(PATH, body);
            if (r.status() == 201) {
                phase.answered(sent, 1, leg.amount());
                return;
            }
            phase.failed("HTTP " + r.status() + " " + HttpBatchDriver.snippet(r), 1);
        } catch (IOException e) {
            phase.failed("I/O: " + e, 1);
        }
        phase.answered(sent, 0, 0);
    }

    @Override
    public String settings() {
        return "connections=" + transports.size() + " per_request="
                + (sources.getFirst().workload() == Workload.HOT ? "atomic_pair" : "one_transfer")
                + " client=" + clientKind;
    }
}
