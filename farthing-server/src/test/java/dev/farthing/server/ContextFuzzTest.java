package dev.farthing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@code POST /v1/payments} over HTTP with a seeded {@link Random} (printed; {@code -Dfarthing.seed=N}
 * repeats a run). Every optional context field, sent malformed in every JSON type, gets a decision with a warning
 * naming it, never a 4xx or 5xx; JSON null (not measured) gets a decision too. The companion test breaks the
 * money and identity fields instead: always a 400 naming the field, and no money moves.
 */
class ContextFuzzTest {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final Set<String> DECISIONS = Set.of("approved", "challenged", "held_for_review", "declined");
    static final long FUNDS = 1_000_000_000L;
    @TempDir
    static Path dir;
    static TestServer t;
    static long seed;
    static Random random;
    static int ids;

    @BeforeAll
    static void start() {
        seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("ContextFuzzTest seed=" + seed + " (repeat with -Dfarthing.seed=" + seed + ")");
        random = new Random(seed);
        t = TestServer.start(dir);
        t.createAccount("bank", "settlement");
        t.createAccount("alice", "wallet");
        t.createAccount("creator", "merchant");
        t.createAccount("platform", "fee");
        assertThat(t.transfer("fund", "bank", "alice", FUNDS).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (t != null) {
            t.close();
        }
    }

    /** A value of every JSON type, including the awkward ones: huge, negative, fractional, nested, overlong, controls. */
    static JsonNode anyValue(Random r) {
        return switch (r.nextInt(16)) {
            case 0 -> JSON.textNode(randomText(r, 1 + r.nextInt(20)));
            case 1 -> JSON.numberNode(r.nextInt());
            case 2 -> JSON.numberNode(r.nextDouble() * 1e6 - 5e5);
            case 3 -> JSON.numberNode(-1 - r.nextInt(1000));
            case 4 -> JSON.numberNode(new java.math.BigInteger(100 + r.nextInt(60), r));
            case 5 -> JSON.numberNode(r.nextBoolean() ? 1e300 : -1e300);
            case 6 -> JSON.booleanNode(r.nextBoolean());
            case 7 -> JSON.arrayNode().add(r.nextInt(10)).add("x").add(JSON.nullNode());
            case 8 -> JSON.objectNode().put("a", r.nextInt()).put("b", "c");
            case 9 -> garbage(r, 1 + r.nextInt(6));
            case 10 -> JSON.textNode("x".repeat(600 + r.nextInt(4000)));
            case 11 -> JSON.textNode("ok\u0000\u0007\n" + randomText(r, 5));
            case 12 -> JSON.textNode("");
            case 13 -> JSON.numberNode(r.nextDouble());
            case 14 -> JSON.textNode("2026-13-45T99:99:99Z");
            default -> JSON.arrayNode();
        };
    }

    static JsonNode garbage(Random r, int depth) {
        if (depth == 0) {
            return JSON.textNode(randomText(r, 3));
        }
        if (r.nextBoolean()) {
            ArrayNode a = JSON.arrayNode();
            for (int i = 0; i < 1 + r.nextInt(3); i++) {
                a.add(garbage(r, depth - 1));
            }
            return a;
        }
        ObjectNode o = JSON.objectNode();
        for (int i = 0; i < 1 + r.nextInt(3); i++) {
            o.set(randomText(r, 4), garbage(r, depth - 1));
        }
        return o;
    }

    static String randomText(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) (r.nextInt(10) == 0 ? r.nextInt(0x3000) : 'a' + r.nextInt(26)));
        }
        return b.toString();
    }

    /** An optional field and the test of whether a value would be a valid one (those are skipped). */
    record Field(String path, Function<JsonNode, Boolean> valid) {
    }

    static boolean text(JsonNode v, int max) {
        if (!v.isTextual() || v.textValue().isEmpty() || v.textValue().length() > max) {
            return false;
        }
        return v.textValue().chars().noneMatch(Character::isISOControl);
    }

    static boolean number(JsonNode v, double min, double max) {
        return v.isNumber() && Double.isFinite(v.doubleValue()) && v.doubleValue() >= min && v.doubleValue() <= max;
    }

    static final List<Field> OPTIONAL = List.of(
            new Field("country", v -> v.isTextual() && v.textValue().matches("[A-Za-z]{2}")),
            new Field("geo", v -> false),
            new Field("geo.lat", v -> number(v, -90, 90)),
            new Field("geo.lon", v -> number(v, -180, 180)),
            new Field("user_agent", v -> text(v, 512)),
            new Field("session_id", v -> text(v, 128)),
            new Field("content_id", v -> text(v, 128)),
            new Field("instrument_id", v -> text(v, 128)),
            new Field("content_started_at", v -> false),
            new Field("account_created_at", v -> false),
            new Field("telemetry", v -> v.isObject() && v.isEmpty()),
            new Field("telemetry.keystroke_intervals_ms", v -> v.isArray() && v.isEmpty()),
            new Field("telemetry.keystroke_intervals_ms[1]", v -> number(v, 0, 600_000)),
            new Field("telemetry.pointer_moves", v -> number(v, 0, Integer.MAX_VALUE)
                    && v.doubleValue() == Math.rint(v.doubleValue())),
            new Field("telemetry.pointer_straightness", v -> number(v, 0, 1)),
            new Field("telemetry.touch_pressure_var", v -> number(v, 0, Double.MAX_VALUE)),
            new Field("some_future_field", v -> false),
            new Field("telemetry.gyroscope", v -> false));

    /** A valid body with every optional field set, to be broken one field at a time. */
    static ObjectNode body(String id) {
        ObjectNode b = JSON.objectNode().put("id", id).put("payer", "alice").put("payee", "creator").put("amount", 100)
                .put("currency", "USD");
        b.putObject("fee").put("account", "platform").put("amount", 1);
        ObjectNode c = b.putObject("context").put("device_id", "d-" + random.nextInt(5)).put("ip", "203.0.113.7")
                .put("country", "GB").put("user_agent", "Mozilla/5.0").put("session_id", "s-1")
                .put("content_id", "article-" + random.nextInt(50)).put("instrument_id", "card-1")
                .put("content_started_at", "2026-01-01T10:00:00Z").put("account_created_at", "2025-01-01T00:00:00Z");
        c.putObject("geo").put("lat", 51.5).put("lon", -0.12);
        ObjectNode tm = c.putObject("telemetry").put("pointer_moves", 14).put("pointer_straightness", 0.6)
                .put("touch_pressure_var", 0.01);
        tm.putArray("keystroke_intervals_ms").add(120).add(95.5).add(180);
        return b;
    }

    /**
     * Sets {@code value} at the dotted path under {@code context} ({@code a.b} and {@code a.b[i]}); false when an
     * earlier change already replaced a parent with something that is not an object or array.
     */
    static boolean set(ObjectNode context, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        JsonNode at = context;
        for (int i = 0; i < parts.length - 1; i++) {
            at = at.get(parts[i]);
            if (at == null || !at.isObject()) {
                return false;
            }
        }
        String last = parts[parts.length - 1];
        int bracket = last.indexOf('[');
        if (bracket < 0) {
            ((ObjectNode) at).set(last, value);
            return true;
        }
        JsonNode array = at.get(last.substring(0, bracket));
        int index = Integer.parseInt(last.substring(bracket + 1, last.length() - 1));
        if (array == null || !array.isArray() || array.size() <= index) {
            return false;
        }
        ((ArrayNode) array).set(index, value);
        return true;
    }

    static TestServer.Resp send(ObjectNode body) {
        return t.post("/v1/payments", body.toString());
    }

    @Test
    void everyMalformedOptionalSignalIsDecidedWithAWarningNamingIt() {
        int sent = 0;
        for (Field field : OPTIONAL) {
            for (int round = 0; round < 24; round++) {
                JsonNode value = anyValue(random);
                if (field.valid().apply(value)) {
                    continue;
                }
                ObjectNode body = body("fz-" + ids++);
                set((ObjectNode) body.get("context"), field.path(), value);
                TestServer.Resp r = send(body);
                String what = "seed " + seed + ", " + field.path() + " = " + abbreviate(value) + ": " + abbreviate(r.body());
                assertDecision(r, what);
                String expected = "context." + field.path();
                assertThat(warnedFields(r)).as(what).anyMatch(f -> f.equals(expected) || f.startsWith(expected + ".")
                        || f.startsWith(expected + "["));
                sent++;
            }
            ObjectNode body = body("fz-" + ids++);
            set((ObjectNode) body.get("context"), field.path(), JSON.nullNode());
            assertDecision(send(body), "seed " + seed + ", " + field.path() + " = null");
        }
        assertThat(sent).as("malformed values sent").isGreaterThan(OPTIONAL.size() * 10);
    }

    @Test
    void manySignalsBrokenAtOnceAreStillADecision() {
        for (int n = 0; n < 40; n++) {
            ObjectNode body = body("fzm-" + ids++);
            ObjectNode context = (ObjectNode) body.get("context");
            for (int k = 0; k < 1 + random.nextInt(8); k++) {
                set(context, OPTIONAL.get(random.nextInt(OPTIONAL.size())).path(), anyValue(random));
            }
            for (int k = random.nextInt(40); k > 0; k--) {
                context.set("junk_" + randomText(random, 6), anyValue(random));
            }
            TestServer.Resp r = send(body);
            assertDecision(r, "seed " + seed + ": " + abbreviate(body.toString()) + " -> " + abbreviate(r.body()));
            assertThat(r.json().path("warnings").size()).isLessThanOrEqualTo(33);
        }
    }

    /** Money and identity fields: each malformed value is a 400 naming the field; nothing moves. */
    @Test
    void malformedMoneyAndIdentityFieldsAreAlways400AndMoveNothing() {
        long alice = t.balance("alice");
        long creator = t.balance("creator");
        long platform = t.balance("platform");
        List<String> strict = List.of("id", "payer", "payee", "amount", "currency", "fee.account", "fee.amount",
                "context.device_id", "context.ip");
        int sent = 0;
        for (String field : strict) {
            for (int round = 0; round < 20; round++) {
                JsonNode value = anyValue(random);
                if (wellFormed(field, value)) {
                    continue;
                }
                String id = "fzs-" + ids++;
                ObjectNode body = body(id);
                String[] parts = field.split("\\.");
                ObjectNode parent = parts.length == 1 ? body : (ObjectNode) body.get(parts[0]);
                parent.set(parts[parts.length - 1], value);
                TestServer.Resp r = send(body);
                String what = "seed " + seed + ", " + field + " = " + abbreviate(value) + ": " + abbreviate(r.body());
                assertThat(r.status()).as(what).isEqualTo(400);
                assertThat(r.code()).as(what).isEqualTo("invalid_payment");
                assertThat(r.json().path("field").asText()).as(what).isEqualTo(field);
                if (!field.equals("id")) {
                    assertThat(t.get("/v1/payments/" + id).status()).as(what).isEqualTo(404);
                }
                sent++;
            }
        }
        assertThat(sent).isGreaterThan(strict.size() * 10);
        assertThat(t.balance("alice")).isEqualTo(alice);
        assertThat(t.balance("creator")).isEqualTo(creator);
        assertThat(t.balance("platform")).isEqualTo(platform);
    }

    /** Whether a fuzzed value could be accepted for a strict field (those are skipped: only malformed ones count). */
    static boolean wellFormed(String field, JsonNode v) {
        return switch (field) {
            case "amount", "fee.amount" -> v.isIntegralNumber() && v.canConvertToLong() && v.longValue() > 0;
            case "currency" -> v.isTextual() && v.textValue().matches("[A-Z][A-Z0-9]{2,11}");
            case "context.device_id" -> text(v, 128);
            case "context.ip" -> v.isTextual() && (v.textValue().matches("[0-9.]+") || v.textValue().contains(":"));
            default -> v.isTextual() && v.textValue().matches("[A-Za-z0-9._:-]{1,64}");
        };
    }

    static void assertDecision(TestServer.Resp r, String what) {
        assertThat(r.status()).as(what).isEqualTo(201);
        assertThat(r.json().path("decision").asText()).as(what).isIn(DECISIONS);
        assertThat(r.json().path("warnings").isArray()).as(what).isTrue();
    }

    static List<String> warnedFields(TestServer.Resp r) {
        List<String> out = new ArrayList<>();
        r.json().path("warnings").forEach(w -> out.add(w.path("field").asText()));
        return out;
    }

    static String abbreviate(Object o) {
        String s = String.valueOf(o);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
