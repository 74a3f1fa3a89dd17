package dev.farthing.settlement.service;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.settlement.connector.PayoutConnector;
import dev.farthing.settlement.connector.PayoutInstruction;
import dev.farthing.settlement.connector.ProviderStatus;
import dev.farthing.settlement.connector.StatementLine;
import dev.farthing.settlement.connector.SubmitOutcome;
import dev.farthing.settlement.connector.http.HttpProviderConfig;
import dev.farthing.settlement.connector.http.HttpProviderConnector;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process {@link SettlementCrashTest} kills: {@code batch DIR PORT} runs the due payouts against the provider
 * simulator on PORT, printing {@code SUBMITTED n} after each submit; {@code import DIR PORT} imports the
 * simulator's statement (with deterministic rounding faults), printing {@code IMPORTING} first.
 */
public final class CrashChild {
    static final String[] PROVIDERS = {"fastpay", "slowbank"};

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        int port = Integer.parseInt(args[2]);
        AtomicInteger submits = new AtomicInteger();
        try (Ledger ledger = TestLedger.open(dir.resolve("ledger"));
             SettlementService service = SettlementService.open(ledger, config(dir, port, submits, true))) {
            if (args[0].equals("batch")) {
                System.out.println("RUNNING");
                service.runDue("crash test");
            } else {
                System.out.println("IMPORTING");
                importStatements(service, port);
            }
            System.out.println("DONE");
        }
    }

    static SettlementConfig config(Path dir, int port, AtomicInteger submits, boolean print) {
        List<PayoutConnector> connectors = new ArrayList<>();
        for (String p : PROVIDERS) {
            HttpProviderConnector http = new HttpProviderConnector(new HttpProviderConfig(p,
                    URI.create("http://127.0.0.1:" + port + "/p/" + p + "/"), "k-" + p, Duration.ofMillis(400),
                    Duration.ofSeconds(1)));
            connectors.add(print ? new Printing(http, submits) : http);
        }
        return SettlementConfig.of(dir.resolve("settlement"), connectors).withPollAfter(Duration.ZERO);
    }

    /** The simulator's statements, every seventh debit off by one minor unit (the same faults every time). */
    static List<ImportReport> importStatements(SettlementService service, int port) {
        List<ImportReport> out = new ArrayList<>();
        for (String p : PROVIDERS) {
            try (var c = new HttpProviderConnector(HttpProviderConfig.of(p, URI.create("http://127.0.0.1:" + port + "/p/" + p + "/"),
                    "k-" + p))) {
                List<StatementLine> lines = new ArrayList<>();
                int i = 0;
                for (StatementLine l : c.statement(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))) {
                    if (l.kind() == StatementLine.Kind.PAYOUT_DEBIT && i++ % 7 == 0) {
                        l = new StatementLine(l.lineId(), l.endToEndReference(), l.providerReference(), l.kind(),
                                l.currency(), l.amountMinor() + 1, l.valueDate(), l.description());
                    }
                    lines.add(l);
                }
                out.add(service.importStatement("st-" + p, p, lines));
            }
        }
        return out;
    }

    /** Says on stdout when each submit returned, so the test can kill the process in the middle of a batch. */
    private record Printing(PayoutConnector inner, AtomicInteger submits) implements PayoutConnector {
        public String providerId() {
            return inner.providerId();
        }

        public SubmitOutcome submit(PayoutInstruction instruction) {
            SubmitOutcome o = inner.submit(instruction);
            System.out.println("SUBMITTED " + submits.incrementAndGet());
            return o;
        }

        public ProviderStatus status(String key) {
            return inner.status(key);
        }

        public boolean cancel(String key) {
            return inner.cancel(key);
        }

        public List<StatementLine> statement(LocalDate from, LocalDate to) {
            return inner.statement(from, to);
        }

        public void close() {
            inner.close();
        }
    }
}
