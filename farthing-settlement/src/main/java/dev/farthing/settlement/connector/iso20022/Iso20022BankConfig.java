package dev.farthing.settlement.connector.iso20022;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;

/**
 * One bank reached by files.
 *
 * @param providerId the connector's id in routing and reasons, e.g. {@code sepa-bank}
 * @param outbox     where pain.001 files are written for the bank's pick-up (the bank may move or delete them)
 * @param inbox      where the bank drops camt.053 and camt.054 files; read ones move to {@code processed/}, refused
 *                   ones to {@code rejected/} with the reason beside them
 * @param stateDir   the connector's own durable state (staged payouts, batch manifests); never shared
 * @param debtor     the account paid from
 * @param currencies the currencies this bank pays out in; others are refused as retryable (another provider may)
 * @param cutOff     payouts submitted before this UTC time execute the same bank day, later ones the next
 * @param clock      the time source (the ledger's in the server, so batches replay the same)
 */
public record Iso20022BankConfig(String providerId, Path outbox, Path inbox, Path stateDir, BankAccount debtor,
                                 Set<String> currencies, LocalTime cutOff, InstantSource clock) {

    public Iso20022BankConfig {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(debtor, "debtor");
        Objects.requireNonNull(cutOff, "cutOff");
        Objects.requireNonNull(clock, "clock");
        currencies = Set.copyOf(currencies);
    }

    /** The bank day a payout submitted now executes on: today before the cut-off, else the next; weekends roll to Monday. */
    public LocalDate executionDate() {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate day = now.toLocalTime().isBefore(cutOff) ? now.toLocalDate() : now.toLocalDate().plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }
}
