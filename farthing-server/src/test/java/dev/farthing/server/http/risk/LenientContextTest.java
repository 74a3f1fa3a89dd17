package dev.farthing.server.http.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.risk.dataset.PaymentRecordJson;
import dev.farthing.risk.dataset.Rfc3339;
import dev.farthing.server.http.InvalidField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.farthing.server.http.risk.PaymentJsonTest.FULL;
import static dev.farthing.server.http.risk.PaymentJsonTest.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Optional signals in the forms real clients send them; what is wrong is left out with a warning, never refused. */
class LenientContextTest {

    static PaymentRequestJson.Parsed readWith(String pointer, String value) {
        ObjectNode body = (ObjectNode) json(FULL);
        int cut = pointer.lastIndexOf('/');
        ((ObjectNode) body.at(pointer.substring(0, cut))).set(pointer.substring(cut + 1), json(value));
        return PaymentRequestJson.read(body);
    }

    @Test
    void browserTelemetryWithFractionsIsRoundedToWholeMilliseconds() {
        PaymentRequestJson.Parsed p = readWith("/context/telemetry",
                "{\"keystroke_intervals_ms\":[183.4,95.5,120,0.2],\"pointer_moves\":12.0,\"pointer_straightness\":1}");
        assertThat(p.warnings()).isEmpty();
        PaymentContext.Telemetry t = p.payment().context().telemetry();
        assertThat(t.keystrokeIntervalsMs()).containsExactly(183, 96, 120, 0);
        assertThat(t.pointerMoves()).isEqualTo(12);
        assertThat(t.pointerStraightness()).isEqualTo(1.0);
    }

    @Test
    void wholeMillisecondInputReadsExactlyAsBefore() {
        // An integer-only body reads to what the dataset codec reads from it, field for field.
        PaymentRequest strict = PaymentRecordJson.parse(json(FULL));
        PaymentRequestJson.Parsed lenient = PaymentRequestJson.read(json(FULL));
        assertThat(lenient.warnings()).isEmpty();
        assertThat(PaymentRecordJson.write(lenient.payment())).isEqualTo(PaymentRecordJson.write(strict));
        assertThat(lenient.payment().context().telemetry().keystrokeIntervalsMs()).containsExactly(120, 95, 180);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            lower-case country        | /context/country            | "de"                         | DE
            mixed-case country        | /context/country            | "dE"                         | DE
            """)
    void countryCodesInAnyCase(String name, String pointer, String value, String expected) {
        PaymentRequestJson.Parsed p = readWith(pointer, value);
        assertThat(p.warnings()).isEmpty();
        assertThat(p.payment().context().country()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no fraction, Z            | "2026-01-01T09:00:00Z"
            milliseconds              | "2026-01-01T09:00:00.000Z"
            offset                    | "2026-01-01T10:00:00+01:00"
            offset without colon      | "2026-01-01T10:00:00.000+0100"
            hour-only offset          | "2026-01-01T04:00:00-05"
            no offset (UTC)           | "2026-01-01T09:00:00"
            lower-case t and z        | "2026-01-01t09:00:00z"
            space separator           | "2026-01-01 09:00:00Z"
            """)
    void timestampsWithOrWithoutFractionsAndOffsets(String name, String value) {
        PaymentRequestJson.Parsed p = readWith("/context/content_started_at", value);
        assertThat(p.warnings()).as(name).isEmpty();
        assertThat(p.payment().context().contentStartedAtNanos()).isEqualTo(Rfc3339.parse("2026-01-01T09:00:00Z"));
    }

    /** Each bad optional value is left out (the rest of the context kept) and named in a warning. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown context field     | /context/color                            | "red"         | context.color
            unknown telemetry field   | /context/telemetry/mouse                  | 1             | context.telemetry.mouse
            unknown geo field         | /context/geo/alt                          | 30            | context.geo.alt
            country name              | /context/country                          | "Germany"     | context.country
            country as number         | /context/country                          | 49            | context.country
            latitude out of range     | /context/geo                              | {"lat":91,"lon":0} | context.geo.lat
            geo without lon           | /context/geo                              | {"lat":1}     | context.geo.lon
            geo as string             | /context/geo                              | "52,13"       | context.geo
            user agent with newline   | /context/user_agent                       | "Mozilla\\n"  | context.user_agent
            empty session id          | /context/session_id                       | ""            | context.session_id
            content id as number      | /context/content_id                       | 77            | context.content_id
            instrument as object      | /context/instrument_id                    | {"card":1}    | context.instrument_id
            date without time         | /context/content_started_at               | "2026-01-01"  | context.content_started_at
            impossible date           | /context/account_created_at               | "2026-02-30T00:00:00Z" | context.account_created_at
            time as epoch number      | /context/account_created_at               | 1700000000    | context.account_created_at
            time past 2200            | /context/account_created_at               | "2262-04-11T00:00:00Z" | context.account_created_at
            telemetry as array        | /context/telemetry                        | [1,2]         | context.telemetry
            keystrokes not an array   | /context/telemetry/keystroke_intervals_ms | 5             | context.telemetry.keystroke_intervals_ms
            straightness above one    | /context/telemetry/pointer_straightness   | 1.01          | context.telemetry.pointer_straightness
            straightness as string    | /context/telemetry/pointer_straightness   | "0.5"         | context.telemetry.pointer_straightness
            pointer moves fractional  | /context/telemetry/pointer_moves          | 2.5           | context.telemetry.pointer_moves
            pointer moves negative    | /context/telemetry/pointer_moves          | -1            | context.telemetry.pointer_moves
            pointer moves huge        | /context/telemetry/pointer_moves          | 1e300         | context.telemetry.pointer_moves
            negative pressure var     | /context/telemetry/touch_pressure_var     | -0.1          | context.telemetry.touch_pressure_var
            pressure var as bool      | /context/telemetry/touch_pressure_var     | true          | context.telemetry.touch_pressure_var
            """)
    void badSignalsAreLeftOutWithAWarning(String name, String pointer, String value, String field) {
        PaymentRequestJson.Parsed p = readWith(pointer, value);
        assertThat(p.warnings()).as(name).extracting(InputWarning::field).containsExactly(field);
        assertThat(p.warnings().getFirst().problem()).isNotBlank();
        PaymentContext c = p.payment().context();
        assertThat(c.deviceId()).isEqualTo("dev-a1");
        assertThat(c.ip()).isEqualTo("203.0.113.7");
        assertThat(p.payment().amount()).isEqualTo(250);
    }

    @Test
    void oneBadKeystrokeIsDroppedAndTheOthersKept() {
        PaymentRequestJson.Parsed p = readWith("/context/telemetry/keystroke_intervals_ms",
                "[120, 95, \"x\", -4, 180.2, null, 700000]");
        assertThat(p.warnings()).extracting(InputWarning::field).containsExactly(
                "context.telemetry.keystroke_intervals_ms[2]", "context.telemetry.keystroke_intervals_ms[3]",
                "context.telemetry.keystroke_intervals_ms[5]", "context.telemetry.keystroke_intervals_ms[6]");
        assertThat(p.payment().context().telemetry().keystrokeIntervalsMs()).containsExactly(120, 95, 180);
        assertThat(p.payment().context().telemetry().pointerMoves()).isEqualTo(14);
    }

    @Test
    void nullMeansNotMeasuredAndIsNoWarning() {
        PaymentRequestJson.Parsed p = readWith("/context/telemetry",
                "{\"keystroke_intervals_ms\":null,\"pointer_moves\":null,\"pointer_straightness\":null}");
        assertThat(p.warnings()).isEmpty();
        assertThat(p.payment().context().telemetry().pointerMoves()).isNull();
    }

    @Test
    void warningsAreBoundedWhateverTheBodyHolds() {
        ObjectNode body = (ObjectNode) json(FULL);
        ObjectNode context = (ObjectNode) body.get("context");
        for (int i = 0; i < 500; i++) {
            context.put("junk" + i, i);
        }
        List<InputWarning> w = PaymentRequestJson.read(body).warnings();
        assertThat(w).hasSize(Warnings.MAX + 1);
        assertThat(w.getLast()).isEqualTo(new InputWarning("context", (500 - Warnings.MAX) + " more warnings not listed"));
    }

    @Test
    void requiredContextFieldsStayStrict() {
        JsonNode noIp = json(FULL.replace("\"ip\":\"203.0.113.7\",", ""));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PaymentRequestJson.read(noIp))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("context.ip"));
    }
}
