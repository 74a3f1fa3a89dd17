package dev.farthing.compliance.monitoring;

import dev.farthing.compliance.cases.CaseBook;
import dev.farthing.contracts.audit.AuditSink;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.Ledgers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The process {@link MonitorCrashTest} SIGKILLs: the monitor following the ledger in {@code args[0]} into the case
 * book, snapshotting every 200 events, until killed. Prints {@code READY} once it follows.
 */
final class MonitorCrashChild {
    private MonitorCrashChild() {
    }

    static Ledger openLedger(Path data) {
        return Ledgers.open(LedgerConfig.defaults(data.resolve("ledger")).withFsync(false), Clock.systemUTC());
    }

    static TransactionMonitor openMonitor(Ledger ledger, Path data, CaseBook cases) {
        return TransactionMonitor.open(data.resolve("monitor"), ledger.events(), MonitoringRules.defaults(), Map.of("USD", 6),
                cases::raise, AuditSink.NONE, 200);
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Ledger ledger = openLedger(data);
        CaseBook cases = CaseBook.open(data.resolve("cases"));
        TransactionMonitor monitor = openMonitor(ledger, data, cases);
        monitor.start();
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
