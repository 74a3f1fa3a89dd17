package dev.farthing.server.http.analytics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.farthing.customers.analytics.AnalyticsQuery;
import dev.farthing.customers.analytics.AnalyticsQuery.GroupBy;
import dev.farthing.customers.analytics.AnalyticsQuery.Metric;
import dev.farthing.customers.analytics.Epsilon;
import dev.farthing.customers.analytics.PrivateAnswer;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.InvalidField;
import dev.farthing.server.http.JsonTree;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Set;

/**
 * {@code {metric, group_by, epsilon, currency?, quantile?}} read strictly (unknown fields, wrong types and values
 * out of range are 400 naming the field); numbers are read as exact decimals, so {@code epsilon: 0.1} is 100000
 * micro-epsilon, not a binary fraction near it.
 */
final class AnalyticsJson {
    private static final ObjectMapper EXACT = new ObjectMapper(Json.FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final Set<String> FIELDS = Set.of("metric", "group_by", "epsilon", "currency", "quantile");

    private AnalyticsJson() {
    }

    static AnalyticsQuery readQuery(byte[] body) {
        JsonNode root;
        try {
            root = EXACT.readTree(body);
        } catch (IOException e) {
            throw ApiException.invalid("malformed JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        try {
            JsonTree in = JsonTree.of(root, "", FIELDS);
            Metric metric = Metric.fromWire(in.string("metric", 16));
            if (metric == null) {
                throw in.invalid("metric", "must be count, sum, mean or quantile");
            }
            GroupBy by = GroupBy.fromWire(in.string("group_by", 16));
            if (by == null) {
                throw in.invalid("group_by", "must be creator, country or day");
            }
            long epsilon = micros(in, "epsilon", in.required("epsilon"));
            String currency = in.value("currency") == null ? null : in.id("currency");
            JsonNode q = in.value("quantile");
            if (q != null && metric != Metric.QUANTILE) {
                throw in.invalid("quantile", "is only for metric quantile");
            }
            int permille = q == null ? 500 : permille(in, q);
            return new AnalyticsQuery(metric, by, epsilon, currency, permille);
        } catch (InvalidField e) {
            throw ApiException.invalid(e.getMessage());
        }
    }

    private static long micros(JsonTree in, String field, JsonNode v) {
        if (!v.isNumber()) {
            throw in.invalid(field, "must be a JSON number (e.g. 0.5)");
        }
        try {
            return Epsilon.micros(v.decimalValue());
        } catch (IllegalArgumentException e) {
            throw in.invalid(field, e.getMessage());
        }
    }

    private static int permille(JsonTree in, JsonNode v) {
        if (!v.isNumber()) {
            throw in.invalid("quantile", "must be a JSON number in 0.001..0.999");
        }
        BigDecimal p = v.decimalValue().movePointRight(3);
        if (p.compareTo(BigDecimal.ONE) < 0 || p.compareTo(BigDecimal.valueOf(999)) > 0 || p.stripTrailingZeros().scale() > 0) {
            throw in.invalid("quantile", "must be in 0.001..0.999 with at most three decimals");
        }
        return p.intValueExact();
    }

    static Json.Writer answer(PrivateAnswer a, long totalMicros) {
        return g -> {
            g.writeStartObject();
            AnalyticsQuery q = a.query();
            g.writeStringField("metric", q.metric().wire());
            g.writeStringField("group_by", q.groupBy().wire());
            g.writeNumberField("epsilon", new BigDecimal(Epsilon.format(q.epsilonMicros())));
            if (q.currency() != null) {
                g.writeStringField("currency", q.currency());
            }
            if (q.metric() == Metric.QUANTILE) {
                g.writeNumberField("quantile", BigDecimal.valueOf(q.quantilePermille(), 3));
            }
            g.writeArrayFieldStart("groups");
            for (PrivateAnswer.Group group : a.groups()) {
                g.writeStartObject();
                g.writeStringField("key", group.key());
                g.writeNumberField("count", group.count());
                g.writeNumberField("value", group.value());
                g.writeEndObject();
            }
            g.writeEndArray();
            writePrivacy(g, a, totalMicros);
            g.writeEndObject();
        };
    }

    private static void writePrivacy(JsonGenerator g, PrivateAnswer a, long totalMicros) throws IOException {
        g.writeObjectFieldStart("privacy");
        g.writeStringField("mechanism", "discrete_laplace");
        g.writeNumberField("count_noise_scale", a.countScale());
        if (a.query().metric().isMoney()) {
            g.writeNumberField("value_noise_scale", a.valueScale());
        }
        g.writeNumberField("release_threshold", a.threshold());
        g.writeNumberField("delta", a.delta());
        g.writeNumberField("max_payments_per_subject", a.maxRowsPerSubject());
        if (a.query().metric().isMoney()) {
            g.writeNumberField("clip", a.clipMinor());
        }
        g.writeEndObject();
        budget(g, totalMicros - a.remainingMicros(), a.remainingMicros(), totalMicros);
    }

    static void budget(JsonGenerator g, long spent, long remaining, long total) throws IOException {
        g.writeObjectFieldStart("budget");
        g.writeNumberField("spent", new BigDecimal(Epsilon.format(spent)));
        g.writeNumberField("remaining", new BigDecimal(Epsilon.format(remaining)));
        g.writeNumberField("total", new BigDecimal(Epsilon.format(total)));
        g.writeEndObject();
    }
}
