package dev.farthing.ledger.verify;

/**
 * What {@code farthing verify} concluded. {@code ok} false comes with {@code problem} and, for damage on
 * disk, the {@code file} and {@code offset}. A torn tail is reported but is not a failure: a stopped
 * ledger truncates it on start (it was never acknowledged).
 */
public record VerifyReport(boolean ok, String problem, String file, long offset, long batches, long events,
                           long accounts, long transfers, int snapshotsChecked, long tornTailBytes) {

    public String verdict() {
        if (!ok) {
            boolean named = file == null || problem.contains(" at offset ");
            return "FAILED: " + problem + (named ? "" : " (" + file + " at offset " + offset + ")");
        }
        return "VERIFIED: " + batches + " batches, " + events + " events, " + transfers + " transfers, " + accounts
                + " accounts; hash chain intact, every balance equals the sum of its entries, debits equal credits"
                + (snapshotsChecked > 0 ? ", " + snapshotsChecked + " snapshot(s) match the journal" : "")
                + (tornTailBytes > 0 ? "; note: " + tornTailBytes + " unacknowledged bytes at the journal's tail" : "");
    }
}
