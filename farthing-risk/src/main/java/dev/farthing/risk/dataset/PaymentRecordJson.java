package dev.farthing.risk.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.contracts.payment.PaymentRequest;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code payment} of a dataset record as JSON, read strictly and written canonically:
 * <pre>{id, payer, payee, amount, currency, fee?: {account, amount}, context: {device_id, ip, country?,
 *   geo?: {lat, lon}, user_agent?, session_id?, content_id?, content_started_at?, instrument_id?,
 *   account_created_at?, telemetry?: {keystroke_intervals_ms?, pointer_moves?, pointer_straightness?,
 *   touch_pressure_var?}}}</pre>
 * Datasets (simulator output, label exports, training input) are written by {@link #write}, so every field,
 * optional ones included, must be right: an unknown field, a wrong type (an amount must be a JSON integer), a
 * value out of range or a malformed id is refused with {@link InvalidRecordException} naming the field. It is the
 * shape of a payment request as clients post it; the server reads those with its own lenient codec.
 */
public final class PaymentRecordJson {
    private static final Set<String> FIELDS = Set.of("id", "payer", "payee", "amount", "currency", "fee", "context");
    private static final Set<String> FEE_FIELDS = Set.of("account", "amount");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z][A-Z0-9]{2,11}");

    private PaymentRecordJson() {
    }

    /** Reads a payment in which every field must be right. */
    public static PaymentRequest parse(JsonNode body) {
        StrictObject in = StrictObject.of(body, "", FIELDS);
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
        return new PaymentRequest(id, payer, payee, amount, currency, fee,
                PaymentContextJson.parse(in.required("context"), in.where("context")));
    }

    private static PaymentRequest.Fee fee(StrictObject in) {
        JsonNode node = in.value("fee");
        if (node == null) {
            return null;
        }
        StrictObject fee = StrictObject.of(node, in.where("fee"), FEE_FIELDS);
        return new PaymentRequest.Fee(fee.id("account"), fee.amount("amount"));
    }

    /** The canonical form: absent optional fields are left out, times are UTC with nine fraction digits. */
    public static ObjectNode write(PaymentRequest p) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("id", p.id());
        out.put("payer", p.payer());
        out.put("payee", p.payee());
        out.put("amount", p.amount());
        out.put("currency", p.currency());
        if (p.fee() != null) {
            ObjectNode fee = out.putObject("fee");
            fee.put("account", p.fee().account());
            fee.put("amount", p.fee().amount());
        }
        out.set("context", PaymentContextJson.write(p.context()));
        return out;
    }
}
