package dev.farthing.server.http.risk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.server.http.InvalidField;
import dev.farthing.server.http.JsonTree;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /v1/payments}, read strictly where money is and leniently where signals are:
 * <pre>{id, payer, payee, amount, currency, fee?: {account, amount}, context: {device_id, ip, country?,
 *   geo?: {lat, lon}, user_agent?, session_id?, content_id?, content_started_at?, instrument_id?,
 *   account_created_at?, telemetry?: {keystroke_intervals_ms?, pointer_moves?, pointer_straightness?,
 *   touch_pressure_var?}}}</pre>
 * The money and identity fields ({@code id, payer, payee, amount, currency, fee}, and the context's
 * {@code device_id} and {@code ip}) are strict: an unknown top-level field, a wrong type (an amount must be a
 * JSON integer), a non-positive amount or a malformed id is refused with {@link InvalidField} naming the
 * field (the route answers 400 {@code invalid_payment}). The rest of the context is optional signals: what is
 * malformed, out of range or unknown is left out and listed as {@link InputWarning}s. The same shape written
 * canonically is a dataset line's {@code payment} ({@code dev.farthing.risk.dataset.PaymentRecordJson}), which
 * refuses what this lists as a warning.
 */
final class PaymentRequestJson {
    private static final Set<String> FIELDS = Set.of("id", "payer", "payee", "amount", "currency", "fee", "context");
    private static final Set<String> FEE_FIELDS = Set.of("account", "amount");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z][A-Z0-9]{2,11}");

    private PaymentRequestJson() {
    }

    /** A payment and the optional signals of its body that were left out. */
    record Parsed(PaymentRequest payment, List<InputWarning> warnings) {
        Parsed {
            warnings = List.copyOf(warnings);
        }
    }

    /** Reads a client's body: strict where money is, lenient where signals are. */
    static Parsed read(JsonNode body) {
        Warnings warnings = new Warnings();
        JsonTree in = JsonTree.of(body, "", FIELDS);
        String id = in.id("id");
        String payer = in.id("payer");
        String payee = in.id("payee");
        if (payer.equals(payee)) {
            throw in.invalid("payee", "must differ from payer");
        }
        long amount = in.amount("amount");
        String currency = in.string("currency", 12);
        if (!CURRENCY.matcher(currency).matches()) {
            throw in.invalid("currency", "must be a currency code like USD (" + CURRENCY + ")");
        }
        PaymentRequest.Fee fee = fee(in);
        if (fee != null && fee.account().equals(payer)) {
            throw in.invalid("fee.account", "must differ from payer");
        }
        PaymentRequest payment = new PaymentRequest(id, payer, payee, amount, currency, fee,
                PaymentContextJson.read(in.required("context"), in.where("context"), warnings));
        return new Parsed(payment, warnings.list());
    }

    private static PaymentRequest.Fee fee(JsonTree in) {
        JsonNode node = in.value("fee");
        if (node == null) {
            return null;
        }
        JsonTree fee = JsonTree.of(node, in.where("fee"), FEE_FIELDS);
        return new PaymentRequest.Fee(fee.id("account"), fee.amount("amount"));
    }
}
