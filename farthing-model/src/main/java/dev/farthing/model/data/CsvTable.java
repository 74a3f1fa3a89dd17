package dev.farthing.model.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams a simple comma-separated file with a header row (no quoting: the external fraud datasets have none)
 * and reports the file and line of any bad value.
 */
final class CsvTable {

    /** Stops a wrong path (a huge log) from being read whole into memory. */
    static final int MAX_ROWS = 20_000_000;

    private final Path file;
    private final Map<String, Integer> columns = new HashMap<>();
    private String[] cells;
    private long line;

    private CsvTable(Path file) {
        this.file = file;
    }

    /** Calls {@code onRow} once per data row, after checking the header names the required columns. */
    static void read(Path file, List<String> required, Consumer<CsvTable> onRow) throws IOException {
        CsvTable table = new CsvTable(file);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new DatasetFormatException(file + ": empty file, expected a header row");
            }
            table.line = 1;
            String[] names = header.strip().split(",", -1);
            for (int i = 0; i < names.length; i++) {
                table.columns.put(names[i].strip().replace("\"", ""), i);
            }
            for (String column : required) {
                if (!table.columns.containsKey(column)) {
                    throw new DatasetFormatException(file + ": header lacks column '" + column + "' (has "
                            + table.columns.keySet() + ")");
                }
            }
            String text;
            while ((text = in.readLine()) != null) {
                table.line++;
                if (text.isBlank()) {
                    continue;
                }
                if (table.line > MAX_ROWS) {
                    throw new DatasetFormatException(file + ": more than " + MAX_ROWS + " rows");
                }
                table.cells = text.split(",", -1);
                if (table.cells.length != names.length) {
                    throw table.error("has " + table.cells.length + " fields, header has " + names.length);
                }
                onRow.accept(table);
            }
        }
    }

    String text(String column) {
        return cells[columns.get(column)].strip();
    }

    /** A finite number; an empty cell is missing (NaN). */
    double number(String column) {
        String value = text(column);
        if (value.isEmpty()) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(value);
            if (Double.isInfinite(v)) {
                throw error("column " + column + " is infinite");
            }
            return v;
        } catch (NumberFormatException e) {
            throw error("column " + column + " is not a number: '" + value + "'");
        }
    }

    /** A 0/1 label. */
    int label(String column) {
        String value = text(column);
        return switch (value) {
            case "0", "\"0\"", "0.0" -> 0;
            case "1", "\"1\"", "1.0" -> 1;
            default -> throw error("label column " + column + " must be 0 or 1, got '" + value + "'");
        };
    }

    DatasetFormatException error(String problem) {
        return new DatasetFormatException(file + " line " + line + ": " + problem);
    }
}
