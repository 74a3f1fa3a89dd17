package dev.farthing.risk.dataset;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The {@code farthing} dataset format: JSON Lines, one labelled payment per line, in time order —
 * <pre>{"at":"2026-01-01T00:00:00.000000001Z","label":"fraud","scenario":"bot","campaign":"bot-3","payment":{...}}</pre>
 * where {@code payment} is one payment request ({@link PaymentRecordJson}), the same shape a client posts. Reading
 * streams, so files of any size fit in bounded memory; a bad line stops the read with its line number.
 */
public final class PaymentDataset {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("at", "label", "scenario", "campaign", "payment");

    private PaymentDataset() {
    }

    /** Streams the records of {@code file}; close the stream to close the file. */
    public static Stream<PaymentRecord> read(Path file) {
        BufferedReader reader;
        try {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatasetException(file, 0, "cannot open: " + e.getMessage(), e);
        }
        LineIterator lines = new LineIterator(file, reader);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(lines, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(lines::close);
    }

    /** Writes {@code records} (in time order) to {@code file}, replacing it. */
    public static void write(Path file, Iterable<PaymentRecord> records) {
        try (Writer out = Writer.open(file)) {
            records.forEach(out::append);
        }
    }

    public static void write(Path file, Stream<PaymentRecord> records) {
        try (Writer out = Writer.open(file); records) {
            records.forEachOrdered(out::append);
        }
    }

    /** One record as its JSON line (without the newline). */
    public static String toLine(PaymentRecord r) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("at", Rfc3339.format(r.atNanos()));
        out.put("label", r.label().wire());
        out.put("scenario", r.scenario());
        if (r.campaign() != null) {
            out.put("campaign", r.campaign());
        }
        out.set("payment", PaymentRecordJson.write(r.payment()));
        return out.toString();
    }

    /** Parses one line; {@link IllegalArgumentException} (or {@link InvalidRecordException}) when it is bad. */
    public static PaymentRecord fromLine(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("each line must be a JSON object");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field " + name);
            }
        });
        long at = Rfc3339.parse(text(node, "at"));
        Label label = Label.fromWire(text(node, "label"));
        String scenario = text(node, "scenario");
        JsonNode campaign = node.get("campaign");
        if (campaign != null && !campaign.isNull() && !campaign.isTextual()) {
            throw new IllegalArgumentException("campaign must be a string");
        }
        String campaignName = campaign == null || campaign.isNull() ? null : campaign.textValue();
        JsonNode payment = node.get("payment");
        if (payment == null) {
            throw new IllegalArgumentException("payment is required");
        }
        return new PaymentRecord(at, PaymentRecordJson.parse(payment), label, scenario, campaignName);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return v.textValue();
    }

    /** Appends records to a file one line at a time, refusing records out of time order. */
    public static final class Writer implements AutoCloseable {
        private final Path file;
        private final BufferedWriter out;
        private long last = Long.MIN_VALUE;
        private long count;

        private Writer(Path file, BufferedWriter out) {
            this.file = file;
            this.out = out;
        }

        public static Writer open(Path file) {
            try {
                return new Writer(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new DatasetException(file, 0, "cannot create: " + e.getMessage(), e);
            }
        }

        public void append(PaymentRecord r) {
            if (r.atNanos() < last) {
                throw new DatasetException(file, count + 1, "record " + r.payment().id() + " is earlier than the one before it", null);
            }
            last = r.atNanos();
            try {
                out.write(toLine(r));
                out.write('\n');
                count++;
            } catch (IOException e) {
                throw new DatasetException(file, count + 1, "cannot write: " + e.getMessage(), e);
            }
        }

        public long count() {
            return count;
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new DatasetException(file, 0, "cannot close: " + e.getMessage(), e);
            }
        }
    }

    /** Reads lines lazily, skipping blank ones, checking time order, naming the line of any problem. */
    private static final class LineIterator implements Iterator<PaymentRecord> {
        private final Path file;
        private final BufferedReader reader;
        private long lineNumber;
        private long last = Long.MIN_VALUE;
        private PaymentRecord next;

        LineIterator(Path file, BufferedReader reader) {
            this.file = file;
            this.reader = reader;
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                next = advance();
            }
            return next != null;
        }

        @Override
        public PaymentRecord next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            PaymentRecord r = next;
            next = null;
            return r;
        }

        private PaymentRecord advance() {
            String line;
            try {
                do {
                    line = reader.readLine();
                    lineNumber++;
                } while (line != null && line.isBlank());
            } catch (IOException e) {
                throw new DatasetException(file, lineNumber, "cannot read: " + e.getMessage(), e);
            }
            if (line == null) {
                return null;
            }
            PaymentRecord r;
            try {
                r = fromLine(line);
            } catch (IllegalArgumentException | InvalidRecordException e) {
                throw new DatasetException(file, lineNumber, e.getMessage(), e);
            }
            if (r.atNanos() < last) {
                throw new DatasetException(file, lineNumber, "records must be in time order (this one is earlier than the one before)", null);
            }
            last = r.atNanos();
            return r;
        }

        void close() {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
