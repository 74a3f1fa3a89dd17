package dev.farthing.settlement.connector.iso20022;

import dev.farthing.settlement.connector.PayoutInstruction;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalTime;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/** A bank connector on temporary directories with a clock the test moves. */
final class BankFixture {
    static final BankAccount DEBTOR = new BankAccount("Farthing Payouts Ltd", "DE89370400440532013000", "COBADEFFXXX");

    final Path root;
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-05T09:00:00Z")); // a Monday
    final InstantSource clock = now::get;

    BankFixture(Path root) {
        this.root = root;
    }

    Iso20022BankConfig config() {
        return new Iso20022BankConfig("sepa-bank", root.resolve("outbox"), root.resolve("inbox"), root.resolve("state"),
                DEBTOR, Set.of("EUR", "GBP", "JPY"), LocalTime.of(15, 0), clock);
    }

    Iso20022BankConnector open() {
        return new Iso20022BankConnector(config());
    }

    static PayoutInstruction eur(String payoutId, long amountMinor) {
        return new PayoutInstruction(payoutId + ":sepa-bank:1", payoutId, "payee-" + payoutId, "EUR", 2, amountMinor,
                "DE", "Ada Creator", "DE02120300000000202051");
    }
}
