package dev.farthing.model.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ULB credit-card dataset (Time, V1..V28, Amount, Class) into the features of {@link UlbFeatures};
 * the label is Class (1 = fraud).
 */
public final class UlbReader {

    private UlbReader() {
    }

    public static List<String> featureNames() {
        return UlbFeatures.names();
    }

    public static Dataset read(Path file) throws IOException {
        return readStamped(file).data();
    }

    /** The rows with their Time in whole seconds. */
    public static StampedDataset readStamped(Path file) throws IOException {
        List<String> required = new ArrayList<>();
        required.add("Time");
        for (int i = 1; i <= UlbFeatures.COMPONENTS; i++) {
            required.add("V" + i);
        }
        required.add("Amount");
        required.add("Class");
        RowCollector rows = new RowCollector(featureNames());
        CsvTable.read(file, required, table -> {
            double[] components = new double[UlbFeatures.COMPONENTS];
            for (int i = 0; i < components.length; i++) {
                components[i] = table.number("V" + (i + 1));
            }
            double time = table.number("Time");
            double[] row;
            try {
                row = UlbFeatures.of(time, components, table.number("Amount"));
            } catch (IllegalArgumentException e) {
                throw table.error(e.getMessage());
            }
            rows.add(row, table.label("Class"), (long) Math.floor(time));
        });
        return rows.toStamped();
    }
}
