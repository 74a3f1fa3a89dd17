package dev.farthing.bench.payments;

import dev.farthing.risk.engine.RiskEngine;
import dev.farthing.risk.engine.RiskRefusal;

/** {@link RiskEngine#submit} in the same JVM: features, model, policy, journal, ledger legs. */
final class InProcessTarget implements PaymentTarget {
    private final RiskEngine engine;
    private final PaymentTraffic traffic;
    private final Outstanding outstanding = new Outstanding();
    private final String settings;

    InProcessTarget(RiskEngine engine, PaymentTraffic traffic, String settings) {
        this.engine = engine;
        this.traffic = traffic;
        this.settings = settings;
    }

    @Override
    public void send(long intendedNanos, LatencyRecorder recorder) {
        outstanding.sent();
        engine.submit(traffic.next()).whenComplete((r, e) -> {
            if (e == null) {
                recorder.answered(intendedNanos, r.decision().wire());
            } else {
                recorder.failed(intendedNanos, e instanceof RiskRefusal rr ? rr.code() + ": " + rr.detail() : e.toString());
            }
            outstanding.answered();
        });
    }

    @Override
    public void drain() throws InterruptedException {
        outstanding.await();
    }

    @Override
    public String settings() {
        return settings;
    }

    @Override
    public void close() {
    }
}
