package dev.farthing.simulator.drive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.simulator.traffic.Emitter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Opens the ledger accounts a simulated run needs through the public API (wallets for payers, merchant
 * accounts for payees, the fee account and a settlement account to fund from) and funds every payer with
 * twice what it will spend, in atomic batches. Repeating it is harmless: account creation is idempotent and
 * funding transfers have fixed ids.
 */
public final class LedgerSetup {
    public static final String FUNDING_ACCOUNT = "sim.funding";
    private static final int BATCH = 4096;

    private LedgerSetup() {
    }

    public static void prepare(ServerApi api, List<PaymentRecord> records, String currency, long seed) {
        Map<String, Long> spend = new HashMap<>();
        Set<String> payees = new TreeSet<>();
        for (PaymentRecord r : records) {
            long fee = r.payment().fee() == null ? 0 : r.payment().fee().amount();
            spend.merge(r.payment().payer(), Math.addExact(r.payment().amount(), fee), Math::addExact);
            payees.add(r.payment().payee());
        }
        open(api, FUNDING_ACCOUNT, currency, "settlement");
        open(api, Emitter.FEE_ACCOUNT, currency, "fee");
        for (String payer : new TreeSet<>(spend.keySet())) {
            open(api, payer, currency, "wallet");
        }
        for (String payee : payees) {
            if (!spend.containsKey(payee)) {
                open(api, payee, currency, "merchant");
            }
        }
        fund(api, spend, currency, seed);
    }

    private static void open(ServerApi api, String id, String currency, String kind) {
        ObjectNode body = ServerApi.object().put("id", id).put("currency", currency).put("kind", kind);
        ServerApi.Reply reply = api.post("/v1/accounts", body);
        if (!reply.ok()) {
            throw new IllegalStateException("cannot open account " + id + ": HTTP " + reply.status() + " " + reply.body());
        }
    }

    private static void fund(ServerApi api, Map<String, Long> spend, String currency, long seed) {
        ArrayNode transfers = null;
        for (String payer : new TreeSet<>(spend.keySet())) {
            if (transfers == null) {
                transfers = ServerApi.object().arrayNode();
            }
            transfers.addObject().put("id", "fund-" + Long.toHexString(seed) + "-" + payer)
                    .put("debit_account", FUNDING_ACCOUNT).put("credit_account", payer)
                    .put("amount", Math.multiplyExact(spend.get(payer), 2)).put("currency", currency);
            if (transfers.size() == BATCH) {
                postBatch(api, transfers);
                transfers = null;
            }
        }
        if (transfers != null) {
            postBatch(api, transfers);
        }
    }

    private static void postBatch(ServerApi api, ArrayNode transfers) {
        ObjectNode body = ServerApi.object().put("atomic", true);
        body.set("transfers", transfers);
        ServerApi.Reply reply = api.post("/v1/transfers/batch", body);
        if (!reply.ok()) {
            throw new IllegalStateException("funding failed: HTTP " + reply.status() + " " + reply.body());
        }
    }
}
