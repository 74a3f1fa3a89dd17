package dev.farthing.settlement.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.settlement.connector.PayoutInstruction;
import dev.farthing.settlement.connector.ProviderStatus;
import dev.farthing.settlement.connector.StatementLine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The provider API's JSON, read strictly: an amount that is not an exact integer, a missing reference or an unknown
 * status is a {@link MalformedProviderJson}, never a guess. Shared by the connector and the webhook verifier.
 */
final class ProviderJson {

    /** A provider answer that cannot be trusted to move money on. */
    static final class MalformedProviderJson extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedProviderJson(String message) {
            super(message);
        }
    }

    private ProviderJson() {
    }

    static ObjectNode payoutRequest(PayoutInstruction in) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("payoutId", in.payoutId());
        o.put("payeeId", in.payeeId());
        o.put("currency", in.currency());
        o.put("scale", in.scale());
        o.put("amountMinor", in.amountMinor());
        o.put("country", in.country());
        o.put("beneficiaryName", in.beneficiaryName());
        o.put("beneficiaryAccount", in.beneficiaryAccount());
        return o;
    }

    /** A payout object ({@code status} pending, paid or failed) as a {@link ProviderStatus}. */
    static ProviderStatus status(JsonNode payout) throws MalformedProviderJson {
        String reference = text(payout, "providerReference");
        String status = text(payout, "status");
        return switch (status) {
            case "pending" -> new ProviderStatus.Pending(reference);
            case "paid" -> {
                long amount = amount(payout, "amountMinor", false);
                long fee = amount(payout, "feeMinor", true);
                yield new ProviderStatus.Paid(reference, amount, fee, date(payout, "valueDate"));
            }
            case "failed" -> {
                JsonNode reason = payout.get("reason");
                yield new ProviderStatus.Failed(reference, reason != null && reason.isTextual() ? reason.asText() : "unspecified");
            }
            default -> throw new MalformedProviderJson("unknown payout status '" + status + "'");
        };
    }

    static StatementLine line(JsonNode line) throws MalformedProviderJson {
        StatementLine.Kind kind;
        try {
            kind = StatementLine.Kind.valueOf(text(line, "kind"));
        } catch (IllegalArgumentException e) {
            throw new MalformedProviderJson("unknown statement line kind '" + line.get("kind").asText() + "'");
        }
        String currency = text(line, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new MalformedProviderJson("currency must be an ISO 4217 code: " + currency);
        }
        JsonNode e2e = line.get("endToEndReference");
        JsonNode providerRef = line.get("providerReference");
        JsonNode description = line.get("description");
        return new StatementLine(text(line, "lineId"), e2e != null && e2e.isTextual() ? e2e.asText() : null,
                providerRef != null && providerRef.isTextual() ? providerRef.asText() : null, kind, currency,
                amount(line, "amountMinor", false), date(line, "valueDate"),
                description != null && description.isTextual() ? description.asText() : "");
    }

    static String text(JsonNode node, String field) throws MalformedProviderJson {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new MalformedProviderJson(field + " must be a non-empty string");
        }
        return v.asText();
    }

    static long amount(JsonNode node, String field, boolean zeroAllowed) throws MalformedProviderJson {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new MalformedProviderJson(field + " must be an integer number of minor units");
        }
        long amount = v.asLong();
        if (amount < 0 || (amount == 0 && !zeroAllowed)) {
            throw new MalformedProviderJson(field + " must be " + (zeroAllowed ? "non-negative" : "positive") + ": " + amount);
        }
        return amount;
    }

    private static LocalDate date(JsonNode node, String field) throws MalformedProviderJson {
        try {
            return LocalDate.parse(text(node, field));
        } catch (DateTimeParseException e) {
            throw new MalformedProviderJson(field + " must be an ISO date: " + e.getParsedString());
        }
    }
}
