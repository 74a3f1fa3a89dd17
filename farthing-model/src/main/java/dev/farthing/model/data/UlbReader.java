package dev.farthing.model.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ULB credit-card dataset: Time, V1..V28 (PCA components), Amount as features and Class as the
 * label (1 = fraud).
 */
public final class UlbReader {

    private UlbReader() {
    }

    public static List<String> featureNames() {
        List<String> names = new ArrayList<>();
        names.add("Time");
        for (int i = 1; i <= 28; i++) {
            names.add("V" + i);
        }
        names.add("Amount");
        return names;
    }

    public static Dataset read(Path file) throws IOException {
        List<String> names = featureNames();
        List<String> required = new ArrayList<>(names);
        required.add("Class");
        RowCollector rows = new RowCollector(names);
        CsvTable.read(file, required, table -> {
            double[] row = new double[names.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = table.number(names.get(i));
            }
            rows.add(row, table.label("Class"));
        });
        return rows.toDataset();
    }
}
