package dev.farthing.server;

import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.JsonIn;
import dev.farthing.server.http.Times;
import dev.farthing.server.http.ledger.TransferJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The strict transfer codec, without a server. */
class JsonCodecTest {
    private static NewTransfer parse(String amountJson) {
        String body = "{\"id\":\"t1\",\"debit_account\":\"a\",\"credit_account\":\"b\",\"amount\":" + amountJson
                + ",\"currency\":\"USD\"}";
        return JsonIn.read(body.getBytes(StandardCharsets.UTF_8), TransferJson::read);
    }

    @Test
    void amountsAreJsonIntegers() {
        assertThat(parse("1").amount()).isEqualTo(1);
        assertThat(parse("9223372036854775807").amount()).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1.5", "1e3", "1E3", "1.0", "9223372036854775808", "\"9223372036854775808\"",
            "\"-5\"", "\"+5\"", "\" 5\"", "\"5 \"", "\"05\"", "\"0\"", "\"1.5\"", "\"\"", "\"0x10\"", "true", "false",
            "null", "{}", "[]", "[1]", "99999999999999999999999999999999999", "\"١٢\"", "NaN", "-0", "01", "\"25\"",
            "\"9223372036854775807\"", "2.5e1", "25.0"})
    void badAmountsAreInvalidRequests(String amount) {
        assertThatThrownBy(() -> parse(amount)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("invalid_request");
        });
    }

    @Test
    void unknownAndDuplicateFieldsAreRefused() {
        String typo = "{\"id\":\"t1\",\"debit_account\":\"a\",\"credit_account\":\"b\",\"ammount\":5,\"currency\":\"USD\"}";
        assertThatThrownBy(() -> JsonIn.read(typo.getBytes(StandardCharsets.UTF_8), TransferJson::read))
                .isInstanceOf(ApiException.class).hasMessageContaining("ammount");
        String dup = "{\"id\":\"t1\",\"debit_account\":\"a\",\"credit_account\":\"b\",\"amount\":5,\"amount\":6,\"currency\":\"USD\"}";
        assertThatThrownBy(() -> JsonIn.read(dup.getBytes(StandardCharsets.UTF_8), TransferJson::read))
                .isInstanceOf(ApiException.class).hasMessageContaining("amount");
    }

    @Test
    void pendingHoldsAndOptionalFields() {
        String body = "{\"id\":\"t1\",\"debit_account\":\"a\",\"credit_account\":\"b\",\"amount\":5,\"currency\":\"USD\","
                + "\"code\":\"tip\",\"reference\":\"t0\",\"metadata\":{\"k\":\"v\"},\"pending\":{\"timeout_s\":60}}";
        NewTransfer t = JsonIn.read(body.getBytes(StandardCharsets.UTF_8), TransferJson::read);
        assertThat(t.pendingTimeoutS()).isEqualTo(60);
        assertThat(t.code()).isEqualTo("tip");
        assertThat(t.reference()).isEqualTo("t0");
        assertThat(t.metadata()).containsEntry("k", "v");
    }

    @Test
    void timestampsAreRfc3339WithNanoseconds() {
        assertThat(Times.format(1_700_000_000_123_456_789L)).isEqualTo("2023-11-14T22:13:20.123456789Z");
        assertThat(Times.format(1_700_000_000_000_000_000L)).isEqualTo("2023-11-14T22:13:20.000000000Z");
        assertThat(Times.formatOrNull(0)).isNull();
    }
}
