package dev.farthing.risk.journal;

import dev.farthing.risk.dataset.Label;
import dev.farthing.risk.dataset.PaymentDataset;
import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.risk.review.FraudLabel;
import dev.farthing.risk.review.TrainingLabel;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Exports the labelled payments of a risk journal as a dataset in the farthing format, ready for
 * {@code farthing model train --format farthing}: each labelled payment with its decision time and its latest
 * label. Scenario is {@code legit} for legitimate payments and {@code labelled_<source>} (chargeback, dispute,
 * review) for fraud, since production labels carry no simulator scenario. Reads only; two passes, so memory
 * holds the labels, not the payments.
 */
public final class LabelExport {
    private LabelExport() {
    }

    /**
     * Writes {@code out} from the risk journal of the risk data directory {@code riskDir} (with the engine stopped:
     * the journal has one writer); returns the number of records written. Only records the journal still holds are
     * seen: payments decided before its last compaction are not exported.
     */
    public static long export(Path riskDir, Path out) {
        Map<String, TrainingLabel> latest = new HashMap<>();
        try (RiskJournal journal = RiskJournal.open(riskDir, true)) {
            journal.replayRetained(r -> {
                if (r instanceof RiskRecord.Labelled l) {
                    latest.put(l.paymentId(), l.label());
                }
            });
            try (PaymentDataset.Writer writer = PaymentDataset.Writer.open(out)) {
                journal.replayRetained(r -> {
                    if (r instanceof RiskRecord.Decided d && latest.containsKey(d.paymentId())) {
                        writer.append(recordOf(d, latest.remove(d.paymentId())));
                    }
                });
                return writer.count();
            }
        }
    }

    static PaymentRecord recordOf(RiskRecord.Decided d, TrainingLabel label) {
        boolean fraud = label.label() == FraudLabel.FRAUD;
        return new PaymentRecord(d.atNanos(), d.payment(), fraud ? Label.FRAUD : Label.LEGIT,
                fraud ? "labelled_" + label.source().wire() : PaymentRecord.LEGIT, null);
    }
}
