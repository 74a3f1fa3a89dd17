package dev.farthing.ledger.api;

import java.util.List;

/**
 * What {@code farthing verify} concluded. {@code ok} false comes with {@code problem} and, for damage on
 * disk, the {@code file} and {@code offset}. A torn tail is reported but is not a failure: a stopped
 * ledger truncates it on start (it was never acknowledged). Nor are {@code clientMadeSystemAccounts}
 * (reserved-namespace accounts a client created before the namespace was reserved): the books still balance,
 * but the ledger refuses every command on them and their module will not use them, so they are listed.
 */
public record VerifyReport(boolean ok, String problem, String file, long offset, long batches, long events,
                           long accounts, long transfers, int snapshotsChecked, long tornTailBytes,
                           List<String> clientMadeSystemAccounts) {

    public VerifyReport {
        clientMadeSystemAccounts = List.copyOf(clientMadeSystemAccounts);
    }

    public VerifyReport(boolean ok, String problem, String file, long offset, long batches, long events,
                        long accounts, long transfers, int snapshotsChecked, long tornTailBytes) {
        this(ok, problem, file, offset, batches, events, accounts, transfers, snapshotsChecked, tornTailBytes, List.of());
    }

    public String verdict() {
        if (!ok) {
            boolean named = file == null || problem.contains(" at offset ");
            return "FAILED: " + problem + (named ? "" : " (" + file + " at offset " + offset + ")");
        }
        return "VERIFIED: " + batches + " batches, " + events + " events, " + transfers + " transfers, " + accounts
                + " accounts; hash chain intact, every balance equals the sum of its entries, debits equal credits"
                + (snapshotsChecked > 0 ? ", " + snapshotsChecked + " snapshot(s) match the journal" : "")
                + (tornTailBytes > 0 ? "; note: " + tornTailBytes + " unacknowledged bytes at the journal's tail" : "")
                + clientMadeWarning();
    }

    private String clientMadeWarning() {
        if (clientMadeSystemAccounts.isEmpty()) {
            return "";
        }
        return "\nWARNING: " + clientMadeSystemAccounts.size() + " account(s) in the reserved system namespace"
                + " were created by a client, not by the engine; the ledger refuses every command on them and their"
                + " module will not use them: " + String.join(", ", clientMadeSystemAccounts);
    }
}
