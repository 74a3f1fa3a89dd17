package dev.farthing.ledger.engine;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.farthing.ledger.engine.LedgerEngineTest.ok;
import static dev.farthing.ledger.engine.LedgerEngineTest.settlement;
import static dev.farthing.ledger.engine.LedgerEngineTest.wallet;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prefetch stage skips the disk lookup for ids its filter proves new; ids indexed before a restart must still
 * be found, before the start-up filter is ready (every id looked up) and after (filter merged).
 */
class ProvenNewIdsTest {
    @TempDir
    Path dir;

    private static List<NewTransfer> transfers(int n, long amount) {
        List<NewTransfer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(NewTransfer.simple("id-" + i, "bank", "alice", amount, "USD"));
        }
        return out;
    }

    @Test
    void idsFromBeforeARestartAreRepeatsOrConflictsNeverNewTransfers() throws Exception {
        LedgerConfig config = LedgerConfig.defaults(dir).withFsync(false);
        try (Ledger ledger = Ledgers.open(config)) {
            ok(ledger.createAccount(settlement("bank")).join());
            ok(ledger.createAccount(wallet("alice")).join());
            for (Outcome<TransferView> o : ledger.createTransfers(transfers(2_000, 3), false).join()) {
                ok(o);
            }
        }
        for (int reopen = 0; reopen < 2; reopen++) {
            try (Ledger ledger = Ledgers.open(config)) {
                if (reopen == 1) {
                    Thread.sleep(500); // the start-up filter of 2,000 indexed ids is merged by now
                }
                for (Outcome<TransferView> o : ledger.createTransfers(transfers(2_000, 3), false).join()) {
                    assertThat(ok(o)).isNotNull();
                    assertThat(o.replayed()).as("same body after restart is a repeat").isTrue();
                }
                for (Outcome<TransferView> o : ledger.createTransfers(transfers(2_000, 4), false).join()) {
                    assertThat(o.error()).isEqualTo(ErrorCode.ID_CONFLICT);
                }
                assertThat(ok(ledger.lookupAccount("alice").join()).balance()).isEqualTo(6_000);
            }
        }
    }
}
