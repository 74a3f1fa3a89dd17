package dev.farthing.bench;

import dev.farthing.bench.PaymentSource.Leg;
import dev.farthing.bench.http.BatchReply;
import dev.farthing.bench.http.HttpTransport;
import dev.farthing.bench.http.TransferJson;

import java.io.IOException;
import java.util.List;

/**
 * {@code POST /v1/transfers/batch} from a few keep-alive connections, each with one batch outstanding. Hot
 * payments are packed whole into atomic batches, as in-process. Latency is per batch request.
 */
final class HttpBatchDriver implements ModeDriver {
    static final String PATH = "/v1/transfers/batch";
    private final List<HttpTransport> transports;
    private final List<PaymentSource> sources;
    private final String currency;
    private final int paymentsPerBatch;
    private final boolean atomic;
    private final String clientKind;

    HttpBatchDriver(List<HttpTransport> transports, List<PaymentSource> sources, String currency,
                    int paymentsPerBatch, String clientKind) {
        this.transports = transports;
        this.sources = sources;
        this.currency = currency;
        this.paymentsPerBatch = paymentsPerBatch;
        this.atomic = sources.getFirst().workload() == Workload.HOT;
        this.clientKind = clientKind;
    }

    @Override
    public void runPhase(Phase phase) throws Exception {
        ConcurrentClients.run(transports.size(), "http-batch", client -> {
            HttpTransport http = transports.get(client);
            PaymentSource source = sources.get(client);
            int payments;
            while ((payments = phase.claim(paymentsPerBatch)) > 0) {
                List<Leg> legs = source.nextPayments(payments);
                send(phase, http, legs, TransferJson.batch(legs, currency, atomic));
            }
        });
    }

    /** Sends one batch request and records it; shared with {@link HttpSingleDriver} for hot payments. */
    static void send(Phase phase, HttpTransport http, List<Leg> legs, byte[] body) throws InterruptedException {
        long sent = System.nanoTime();
        try {
            HttpTransport.Response r = http.post(PATH, body);
            if (r.status() != 200) {
                phase.failed("HTTP " + r.status() + " " + snippet(r), legs.size());
                phase.answered(sent, 0, 0);
                return;
            }
            BatchReply reply = BatchReply.parse(r.body());
            if (reply.ok() == legs.size()) {
                phase.answered(sent, legs.size(), sum(legs));
                return;
            }
            // Some refused: a non-atomic batch committed the others, but which ones is not worth mapping
            // here; the run is marked failed and the audit then checks conservation only.
            phase.failed("batch of " + legs.size() + ": " + reply.ok() + " ok, " + reply.failed()
                    + " refused (" + reply.firstError() + ")", legs.size() - reply.ok());
            phase.answered(sent, 0, 0);
        } catch (IOException e) {
            phase.failed("I/O: " + e, legs.size());
            phase.answered(sent, 0, 0);
        }
    }

    static long sum(List<Leg> legs) {
        long s = 0;
        for (Leg l : legs) {
            s += l.amount();
        }
        return s;
    }

    static String snippet(HttpTransport.Response r) {
        String text = r.bodyText();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    @Override
    public String settings() {
        return "connections=" + transports.size() + " batch=" + paymentsPerBatch * sources.getFirst().workload().legs()
                + " atomic=" + atomic + " client=" + clientKind;
    }
}
