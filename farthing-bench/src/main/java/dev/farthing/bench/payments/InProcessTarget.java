package dev.farthing.bench.payments;

import dev.farthing.risk.engine.RiskEngine;
import dev.farthing.risk.engine.RiskRefusal;

/** {@link RiskEngine#submit} in the same JVM: features, model, policy, journal, ledger legs. */
final class InProcessTarget extends PaymentTarget {
    private final RiskEngine engine;
    private final PaymentTraffic traffic;

    InProcessTarget(RiskEngine engine, PaymentTraffic traffic, String settings) {
        super(settings);
        this.engine = engine;
        this.traffic = traffic;
    }

    @Override
    void send(long intendedNanos, LatencyRecorder recorder) {
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
}
