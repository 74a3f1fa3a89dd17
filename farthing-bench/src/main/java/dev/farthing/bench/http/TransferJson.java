package dev.farthing.bench.http;

import dev.farthing.bench.PaymentSource.Leg;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders request bodies by hand: ids are restricted to {@code [A-Za-z0-9._:-]}, so nothing needs escaping,
 * and skipping a JSON library keeps the load generator's CPU share small on a machine it shares with the
 * server.
 */
public final class TransferJson {
    private TransferJson() {
    }

    /** Body of {@code POST /v1/transfers}. */
    public static byte[] single(Leg leg, String currency) {
        StringBuilder sb = new StringBuilder(128);
        append(sb, leg, currency);
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Body of {@code POST /v1/transfers/batch}. */
    public static byte[] batch(List<Leg> legs, String currency, boolean atomic) {
        StringBuilder sb = new StringBuilder(40 + legs.size() * 112);
        sb.append("{\"atomic\":").append(atomic).append(",\"transfers\":[");
        for (int i = 0; i < legs.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            append(sb, legs.get(i), currency);
        }
        sb.append("]}");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Body of {@code POST /v1/accounts}. */
    public static byte[] account(String id, String currency, String kind) {
        return ("{\"id\":\"" + id + "\",\"currency\":\"" + currency + "\",\"kind\":\"" + kind + "\"}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static void append(StringBuilder sb, Leg leg, String currency) {
        sb.append("{\"id\":\"").append(leg.id())
                .append("\",\"debit_account\":\"").append(leg.debit())
                .append("\",\"credit_account\":\"").append(leg.credit())
                .append("\",\"amount\":").append(leg.amount())
                .append(",\"currency\":\"").append(currency).append("\"}");
    }
}
