package dev.farthing.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one JSON factory of the HTTP layer: strict (duplicate keys refused) and bounded. */
public final class Json {
    public static final String CONTENT_TYPE = "application/json";
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(32)
                    .maxNumberLength(64)
                    .maxStringLength(1 << 20)
                    .build())
            .build();

    /** Writes one JSON value with a generator. */
    @FunctionalInterface
    public interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    private Json() {
    }

    public static byte[] bytes(Writer writer) {
        return bytes(256, writer);
    }

    public static byte[] bytes(int sizeHint, Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes a string map as a JSON object (or {@code {}} when null). */
    public static void writeStringMap(JsonGenerator g, String field, java.util.Map<String, String> map)
            throws IOException {
        g.writeObjectFieldStart(field);
        if (map != null && !map.isEmpty()) {
            for (var e : (map.size() == 1 ? map : new java.util.TreeMap<>(map)).entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
        }
        g.writeEndObject();
    }
}
