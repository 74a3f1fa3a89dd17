package dev.farthing.risk.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.contracts.payment.PaymentRequest;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /v1/payments} as JSON, read strictly and written canonically. The HTTP route and the
 * dataset files both use it, so what a client may send and what a dataset may hold are the same thing:
 * <pre>{id, payer, payee, amount, currency, fee?: {account, amount}, context: {device_id, ip, country?,
 *   geo?: {lat, lon}, user_agent?, session_id?, content_id?, content_started_at?, instrument_id?,
 *   account_created_at?, telemetry?: {keystroke_intervals_ms?, pointer_moves?, pointer_straightness?,
 *   touch_pressure_var?}}}</pre>
 * The money and identity fields ({@code id, payer, payee, amount, currency, fee}, and the context's
 * {@code device_id} and {@code ip}) are strict: an unknown top-level field, a wrong type (an amount must be a
 * JSON integer), a non-positive amount or a malformed id is refused with {@link InvalidPaymentException} naming
 * the field. The rest of the context is optional signals: {@link #read} leaves out what is malformed, out of
 * range or unknown and lists it as {@link InputWarning}s; {@link #parse} (for recorded datasets, which are
 * written canonically) refuses it instead.
 */
public final class PaymentRequestJson {
    private static final Set<String> FIELDS = Set.of("id", "payer", "payee", "amount", "currency", "fee", "context");
    private static final Set<String> FEE_FIELDS = Set.of("account", "amount");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z][A-Z0-9]{2,11}");

    private PaymentRequestJson() {
    }

    /** A payment and the optional signals of its body that were left out. */
    public record Parsed(PaymentRequest payment, List<InputWarning> warnings) {
        public Parsed {
            warnings = List.copyOf(warnings);
        }
    }

    /** Reads a client's body: strict where money is, lenient where signals are. */
    public static Parsed read(JsonNode body) {
        Warnings warnings = new Warnings();
        PaymentRequest payment = read(body, warnings);
        return new Parsed(payment, warnings.list());
    }

    /** Reads a body in which every field must be right, optional signals too (datasets). */
    public static PaymentRequest parse(JsonNode body) {
        Warnings warnings = new Warnings();
        PaymentRequest payment = read(body, warnings);
        if (!warnings.isEmpty()) {
            InputWarning w = warnings.first();
            throw new InvalidPaymentException(w.field(), w.problem());
        }
        return payment;
    }

    private static PaymentRequest read(JsonNode body, Warnings warnings) {
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
                PaymentContextJson.parse(in.required("context"), in.where("context"), warnings));
    }

    private static PaymentRequest.Fee fee(StrictObject in) {
        JsonNode node = in.value("fee");
        if (node == null) {
            return null;
        }
        StrictObject fee = StrictObject.of(node, in.where("fee"), FEE_FIELDS);
        return new PaymentRequest.Fee(fee.id("account"), fee.amount("amount"));
    }

    /** The canonical body: absent optional fields are left out, times are UTC with nine fraction digits. */
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
