package dev.farthing.server.http.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.risk.dataset.InvalidRecordException;
import dev.farthing.risk.dataset.PaymentRecordJson;
import dev.farthing.risk.dataset.Rfc3339;
import dev.farthing.server.http.InvalidField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The payment body's two readers side by side: the dataset codec ({@link PaymentRecordJson}, strict throughout)
 * and the HTTP reader ({@link PaymentRequestJson}, strict on money and identity, lenient on optional signals).
 * Both read the same body to the same payment; a bad money or identity field is refused by both, naming the
 * field; a bad signal is refused by the dataset and left out with a warning at the same field by the server.
 */
class PaymentJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String FULL = """
            {"id":"pay-1","payer":"alice","payee":"news:site-9","amount":250,"currency":"USD",
             "fee":{"account":"platform.fees","amount":5},
             "context":{"device_id":"dev-a1","ip":"203.0.113.7","country":"DE","geo":{"lat":52.52,"lon":13.405},
               "user_agent":"Mozilla/5.0","session_id":"s-1","content_id":"article-77",
               "content_started_at":"2026-01-01T10:00:00.5+01:00","instrument_id":"card-1",
               "account_created_at":"2025-03-04T05:06:07.000000009Z",
               "telemetry":{"keystroke_intervals_ms":[120,95,180],"pointer_moves":14,
                            "pointer_straightness":0.62,"touch_pressure_var":0.013}}}""";
    private static final String MINIMAL = """
            {"id":"p","payer":"a","payee":"b","amount":1,"currency":"USD","fee":null,
             "context":{"device_id":"d","ip":"2001:db8::1","country":null}}""";

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The HTTP reader's payment, after checking it warned of nothing. */
    private static PaymentRequest readOverHttp(String body) {
        PaymentRequestJson.Parsed parsed = PaymentRequestJson.read(json(body));
        assertThat(parsed.warnings()).isEmpty();
        return parsed.payment();
    }

    @Test
    void bothReadersParseEveryField() {
        for (PaymentRequest p : new PaymentRequest[] {PaymentRecordJson.parse(json(FULL)), readOverHttp(FULL)}) {
            assertThat(p.id()).isEqualTo("pay-1");
            assertThat(p.amount()).isEqualTo(250);
            assertThat(p.fee()).isEqualTo(new PaymentRequest.Fee("platform.fees", 5));
            PaymentContext c = p.context();
            assertThat(c.country()).isEqualTo("DE");
            assertThat(c.geo()).isEqualTo(new PaymentContext.Geo(52.52, 13.405));
            assertThat(c.contentStartedAtNanos()).isEqualTo(Rfc3339.parse("2026-01-01T09:00:00.500000000Z"));
            assertThat(c.accountCreatedAtNanos() % 1_000_000_000L).isEqualTo(9);
            assertThat(c.telemetry().keystrokeIntervalsMs()).containsExactly(120, 95, 180);
            assertThat(c.telemetry().pointerMoves()).isEqualTo(14);
            assertThat(c.telemetry().pointerStraightness()).isEqualTo(0.62);
            assertThat(c.telemetry().touchPressureVar()).isEqualTo(0.013);
        }
    }

    @Test
    void roundTripsThroughTheCanonicalForm() {
        PaymentRequest p = PaymentRecordJson.parse(json(FULL));
        ObjectNode written = PaymentRecordJson.write(p);
        PaymentRequest again = PaymentRecordJson.parse(written);
        assertThat(PaymentRecordJson.write(again)).isEqualTo(written);
        assertThat(written.get("context").get("content_started_at").textValue())
                .isEqualTo("2026-01-01T09:00:00.500000000Z");
        assertThat(again.context().telemetry().keystrokeIntervalsMs()).containsExactly(120, 95, 180);
    }

    @Test
    void optionalFieldsMayBeAbsentOrNullForBothReaders() {
        for (PaymentRequest p : new PaymentRequest[] {PaymentRecordJson.parse(json(MINIMAL)), readOverHttp(MINIMAL)}) {
            assertThat(p.fee()).isNull();
            assertThat(p.context().country()).isNull();
            assertThat(p.context().contentStartedAtNanos()).isEqualTo(PaymentContext.UNKNOWN);
            assertThat(p.context().telemetry()).isNull();
            assertThat(PaymentRecordJson.write(p).get("context").size()).isEqualTo(2);
        }
    }

    private static ObjectNode withChange(String pointer, String value) {
        ObjectNode body = (ObjectNode) json(FULL);
        int cut = pointer.lastIndexOf('/');
        ObjectNode parent = (ObjectNode) body.at(pointer.substring(0, cut));
        String key = pointer.substring(cut + 1);
        if (value.equals("null")) {
            parent.remove(key);
        } else {
            parent.set(key, json(value));
        }
        return body;
    }

    private static void datasetRefuses(String name, ObjectNode body, String field) {
        assertThatThrownBy(() -> PaymentRecordJson.parse(body))
                .as(name)
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(field + " ");
                });
    }

    /** Each bad money or identity field is refused by both readers, and the complaint names the field. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top-level field   | /extra                                 | 7           | extra
            missing id                | /id                                     | null        | id
            id with a space           | /id                                     | "a b"       | id
            id too long               | /id                                     | "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" | id
            payer as number           | /payer                                  | 12          | payer
            payee equal to payer      | /payee                                  | "alice"     | payee
            zero amount               | /amount                                 | 0           | amount
            negative amount           | /amount                                 | -5          | amount
            fractional amount         | /amount                                 | 1.5         | amount
            amount beyond long        | /amount                                 | 9223372036854775808 | amount
            amount string with sign   | /amount                                 | "+5"        | amount
            amount as string of digits| /amount                                 | "250"       | amount
            amount with exponent      | /amount                                 | 2.5e2       | amount
            amount integral float     | /amount                                 | 250.0       | amount
            fee amount as string      | /fee                                    | {"account":"f","amount":"5"} | fee.amount
            lowercase currency        | /currency                               | "usd"       | currency
            fee without amount        | /fee                                    | {"account":"f"} | fee.amount
            fee paid to payer         | /fee                                    | {"account":"alice","amount":1} | fee.account
            context missing           | /context                                | null        | context
            context not an object     | /context                                | []          | context
            missing device id         | /context/device_id                      | null        | context.device_id
            empty device id           | /context/device_id                      | ""          | context.device_id
            missing ip                | /context/ip                             | null        | context.ip
            hostname as ip            | /context/ip                             | "example.com" | context.ip
            ipv4 octet out of range   | /context/ip                             | "10.0.0.256" | context.ip
            """)
    void bothReadersRefuseBadMoneyAndIdentity(String name, String pointer, String value, String field) {
        datasetRefuses(name, withChange(pointer, value), field);
        assertThatThrownBy(() -> PaymentRequestJson.read(withChange(pointer, value)))
                .as(name)
                .isInstanceOfSatisfying(InvalidField.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(field + " ");
                });
    }

    /**
     * Each bad optional signal is refused by the dataset naming the field; the server takes the payment and warns
     * at that field (the lenient side's other forms: {@link LenientContextTest}).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown context field     | /context/color                          | "red"       | context.color
            unknown telemetry field   | /context/telemetry/mouse                | 1           | context.telemetry.mouse
            unknown geo field         | /context/geo/alt                        | 30          | context.geo.alt
            geo as string             | /context/geo                            | "52,13"     | context.geo
            telemetry as array        | /context/telemetry                      | [1,2]       | context.telemetry
            keystroke as string       | /context/telemetry/keystroke_intervals_ms | [10,"x"]  | context.telemetry.keystroke_intervals_ms[1]
            bad country               | /context/country                        | "Germany"   | context.country
            latitude out of range     | /context/geo                            | {"lat":91,"lon":0} | context.geo.lat
            geo without lon           | /context/geo                            | {"lat":1}   | context.geo.lon
            date without time         | /context/content_started_at             | "2026-01-01" | context.content_started_at
            time before 1900          | /context/account_created_at             | "1899-12-31T23:59:59Z" | context.account_created_at
            impossible date           | /context/account_created_at             | "2026-02-30T00:00:00Z" | context.account_created_at
            time as number            | /context/content_started_at             | 1700000000  | context.content_started_at
            keystrokes not an array   | /context/telemetry/keystroke_intervals_ms | 5         | context.telemetry.keystroke_intervals_ms
            negative keystroke        | /context/telemetry/keystroke_intervals_ms | [10,-1]   | context.telemetry.keystroke_intervals_ms[1]
            straightness above one    | /context/telemetry/pointer_straightness | 1.01        | context.telemetry.pointer_straightness
            pointer moves fractional  | /context/telemetry/pointer_moves        | 2.5         | context.telemetry.pointer_moves
            negative pressure var     | /context/telemetry/touch_pressure_var   | -0.1        | context.telemetry.touch_pressure_var
            """)
    void datasetRefusesBadSignalsTheServerWarnsOfThem(String name, String pointer, String value, String field) {
        datasetRefuses(name, withChange(pointer, value), field);
        PaymentRequestJson.Parsed lenient = PaymentRequestJson.read(withChange(pointer, value));
        assertThat(lenient.payment().id()).as(name).isEqualTo("pay-1");
        assertThat(lenient.warnings()).as(name).extracting(InputWarning::field).contains(field);
    }

    @Test
    void bothReadersRefuseANonObjectBody() {
        assertThatThrownBy(() -> PaymentRecordJson.parse(json("[1]")))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEmpty());
        assertThatThrownBy(() -> PaymentRequestJson.read(json("[1]")))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEmpty());
    }
}
