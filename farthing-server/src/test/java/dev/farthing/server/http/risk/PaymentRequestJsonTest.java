package dev.farthing.server.http.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.risk.dataset.Rfc3339;
import dev.farthing.server.http.JsonIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The strict half of the HTTP payment body: money and identity fields are refused, naming the field. */
class PaymentRequestJsonTest {
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

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void parsesEveryField() {
        PaymentRequestJson.Parsed parsed = PaymentRequestJson.read(json(FULL));
        assertThat(parsed.warnings()).isEmpty();
        PaymentRequest p = parsed.payment();
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

    @Test
    void optionalFieldsMayBeAbsentOrNull() {
        PaymentRequestJson.Parsed parsed = PaymentRequestJson.read(json("""
                {"id":"p","payer":"a","payee":"b","amount":1,"currency":"USD","fee":null,
                 "context":{"device_id":"d","ip":"2001:db8::1","country":null}}"""));
        assertThat(parsed.warnings()).isEmpty();
        PaymentRequest p = parsed.payment();
        assertThat(p.fee()).isNull();
        assertThat(p.context().country()).isNull();
        assertThat(p.context().contentStartedAtNanos()).isEqualTo(PaymentContext.UNKNOWN);
        assertThat(p.context().telemetry()).isNull();
    }

    /** Each bad money or identity field is refused naming the field (optional signals: {@link LenientContextTest}). */
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
    void refusesBadInput(String name, String pointer, String value, String field) {
        ObjectNode body = (ObjectNode) json(FULL);
        int cut = pointer.lastIndexOf('/');
        ObjectNode parent = (ObjectNode) body.at(pointer.substring(0, cut));
        String key = pointer.substring(cut + 1);
        if (value.equals("null")) {
            parent.remove(key);
        } else {
            parent.set(key, json(value));
        }
        assertThatThrownBy(() -> PaymentRequestJson.read(body))
                .as(name)
                .isInstanceOfSatisfying(JsonIn.InvalidField.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(field + " ");
                });
    }

    @Test
    void refusesANonObjectBody() {
        assertThatThrownBy(() -> PaymentRequestJson.read(json("[1]")))
                .isInstanceOfSatisfying(JsonIn.InvalidField.class, e -> assertThat(e.field()).isEmpty());
    }
}
