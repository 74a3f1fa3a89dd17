package dev.farthing.bench;

import java.util.Locale;

/** How the load reaches the ledger. The wire names are the {@code "mode"} values of the JSON result lines. */
public enum Mode {
    /** The {@code Ledger} API in the same JVM, many batches outstanding, fsync on. */
    IN_PROCESS_BATCH,
    /** {@code POST /v1/transfers/batch} of up to {@code --batch} transfers, a few concurrent connections. */
    HTTP_BATCH,
    /** One payment per request ({@code --clients} concurrent keep-alive connections). */
    HTTP_SINGLE,
    /** The row-locking SQL design on a real PostgreSQL server that the benchmark starts. */
    POSTGRES;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Mode fromWire(String s) {
        for (Mode m : values()) {
            if (m.wire().equals(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + s + "' (in_process_batch, http_batch, http_single, postgres or all)");
    }
}
