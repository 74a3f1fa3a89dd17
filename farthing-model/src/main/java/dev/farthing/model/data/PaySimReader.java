package dev.farthing.model.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the PaySim mobile-money dataset (step, type, amount, nameOrig, oldbalanceOrg, newbalanceOrig, nameDest,
 * oldbalanceDest, newbalanceDest, isFraud, isFlaggedFraud). Features: the transaction type one-hot encoded, the
 * amount and the four balance columns. Account names are identifiers, and isFlaggedFraud is the dataset's own
 * rule output, so neither is a feature; the label is isFraud.
 */
public final class PaySimReader {

    public static final List<String> TYPES = List.of("CASH_IN", "CASH_OUT", "DEBIT", "PAYMENT", "TRANSFER");
    private static final List<String> NUMERIC = List.of("amount", "oldbalanceOrg", "newbalanceOrig",
            "oldbalanceDest", "newbalanceDest");

    private PaySimReader() {
    }

    public static List<String> featureNames() {
        List<String> names = new ArrayList<>();
        TYPES.forEach(t -> names.add("type_" + t.toLowerCase(java.util.Locale.ROOT)));
        names.addAll(NUMERIC);
        return names;
    }

    public static Dataset read(Path file) throws IOException {
        List<String> required = new ArrayList<>(NUMERIC);
        required.add("type");
        required.add("isFraud");
        RowCollector rows = new RowCollector(featureNames());
        CsvTable.read(file, required, table -> {
            double[] row = new double[TYPES.size() + NUMERIC.size()];
            String type = table.text("type");
            int slot = TYPES.indexOf(type);
            if (slot < 0) {
                throw table.error("unknown transaction type '" + type + "' (expected one of " + TYPES + ")");
            }
            row[slot] = 1.0;
            for (int i = 0; i < NUMERIC.size(); i++) {
                row[TYPES.size() + i] = table.number(NUMERIC.get(i));
            }
            rows.add(row, table.label("isFraud"));
        });
        return rows.toDataset();
    }
}
