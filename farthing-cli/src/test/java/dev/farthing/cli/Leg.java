package dev.farthing.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One transfer the crash test sends: what it asked for, to compare with what the ledger later shows. */
record Leg(String id, String debit, String credit, long amount, String currency) {

    ObjectNode json() {
        return LedgerHttp.JSON.createObjectNode().put("id", id).put("debit_account", debit)
                .put("credit_account", credit).put("amount", amount).put("currency", currency);
    }

    /** True when the ledger's view of the transfer is exactly this request. */
    boolean matches(JsonNode view) {
        return view != null && id.equals(view.path("id").asText()) && debit.equals(view.path("debit_account").asText())
                && credit.equals(view.path("credit_account").asText()) && amount == view.path("amount").asLong(-1)
                && currency.equals(view.path("currency").asText());
    }
}
