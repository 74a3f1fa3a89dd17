package dev.farthing.model.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the PaySim mobile-money dataset (step, type, amount, nameOrig, oldbalanceOrg, newbalanceOrig, nameDest,
 * oldbalanceDest, newbalanceDest, isFraud, isFlaggedFraud) into the balance-mechanics features of
 * {@link PaySimFeatures}. Account names are identifiers (only the merchant prefix of nameDest is used), and
 * isFlaggedFraud is the dataset's own rule output, so neither is a feature; the label is isFraud.
 */
public final class PaySimReader {

    public static final List<String> TYPES = PaySimFeatures.TYPES;
    private static final List<String> REQUIRED = List.of("step", "type", "amount", "oldbalanceOrg", "newbalanceOrig",
            "nameDest", "oldbalanceDest", "newbalanceDest", "isFraud");

    private PaySimReader() {
    }

    public static List<String> featureNames() {
        return PaySimFeatures.names();
    }

    public static Dataset read(Path file) throws IOException {
        return readStamped(file).data();
    }

    /** The rows with their step (hour of simulated time), for a split by time. */
    public static StampedDataset readStamped(Path file) throws IOException {
        RowCollector rows = new RowCollector(featureNames());
        CsvTable.read(file, REQUIRED, table -> {
            double step = table.number("step");
            if (!(step >= 0 && step == Math.rint(step))) {
                throw table.error("column step must be a whole number >= 0, got '" + table.text("step") + "'");
            }
            double[] row;
            try {
                row = PaySimFeatures.of((long) step, table.text("type"), table.number("amount"),
                        table.number("oldbalanceOrg"), table.number("newbalanceOrig"), table.text("nameDest"),
                        table.number("oldbalanceDest"), table.number("newbalanceDest"));
            } catch (IllegalArgumentException e) {
                throw table.error(e.getMessage());
            }
            rows.add(row, table.label("isFraud"), (long) step);
        });
        return rows.toStamped();
    }
}
