package dev.farthing.bench.payments;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.contracts.payment.PaymentRequest;

import java.util.List;

/**
 * The baseline: the same payments straight to the ledger as an atomic pair (payment + fee), no risk decision.
 * The difference to {@link InProcessTarget} is what deciding costs.
 */
final class LedgerBaselineTarget extends PaymentTarget {
    private final Ledger ledger;
    private final PaymentTraffic traffic;

    LedgerBaselineTarget(Ledger ledger, PaymentTraffic traffic, String settings) {
        super(settings);
        this.ledger = ledger;
        this.traffic = traffic;
    }

    @Override
    void send(long intendedNanos, LatencyRecorder recorder) {
        PaymentRequest p = traffic.next();
        List<NewTransfer> legs = List.of(
                NewTransfer.simple(p.id(), p.payer(), p.payee(), p.amount(), p.currency()),
                NewTransfer.simple(p.id() + ".fee", p.payer(), p.fee().account(), p.fee().amount(), p.currency()));
        outstanding.sent();
        ledger.createTransfers(legs, true).whenComplete((outcomes, e) -> {
            if (e != null) {
                recorder.failed(intendedNanos, e.toString());
            } else if (outcomes.stream().allMatch(Outcome::isOk)) {
                recorder.answered(intendedNanos, "posted");
            } else {
                Outcome<TransferView> bad = outcomes.stream().filter(o -> !o.isOk()).findFirst().orElseThrow();
                recorder.failed(intendedNanos, bad.error().code() + ": " + bad.detail());
            }
            outstanding.answered();
        });
    }
}
