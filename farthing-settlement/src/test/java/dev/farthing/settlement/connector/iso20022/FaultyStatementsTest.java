package dev.farthing.settlement.connector.iso20022;

import dev.farthing.settlement.connector.StatementLine;
import dev.farthing.simulator.provider.FaultyStatements;
import dev.farthing.simulator.provider.FaultyStatements.Expected;
import dev.farthing.simulator.provider.FaultyStatements.Fault;
import dev.farthing.simulator.provider.FaultyStatements.FaultKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's faulty camt.053 statements (for reconciliation tests) are schema-valid, read back through the
 * connector's reader, and carry exactly the faults their ground truth lists.
 */
class FaultyStatementsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);

    @Test
    void everyInjectedFaultShowsInTheLinesAndNothingElseIsOff() {
        long seed = Long.getLong("farthing.seed", System.nanoTime() % 100_000);
        System.out.println("FaultyStatementsTest seed=" + seed + " (-Dfarthing.seed=" + seed + " to reproduce)");
        Random random = new Random(seed);
        List<Expected> expected = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            expected.add(new Expected("po-" + i, i % 5 == 0 ? "JPY" : "EUR", i % 5 == 0 ? 0 : 2,
                    1 + random.nextInt(90_000), DAY, random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(50)));
        }
        FaultyStatements.Result r = FaultyStatements.generate("S-" + seed, Instant.parse("2026-01-05T20:00:00Z"),
                BankFixture.DEBTOR.iban(), DAY, expected, FaultyStatements.Rates.uniform(0.03), seed);
        assertThat(FaultyStatements.generate("S-" + seed, Instant.parse("2026-01-05T20:00:00Z"), BankFixture.DEBTOR.iban(),
                DAY, expected, FaultyStatements.Rates.uniform(0.03), seed).camt053()).as("seeded").isEqualTo(r.camt053());

        SecureXml.Parsed parsed = SecureXml.parseAndValidate(r.camt053(), "faulty statement");
        List<StatementLine> lines = CamtReader.entries(parsed).stream().map(CamtReader.BankEntry::line).toList();
        assertThat(lines).hasSize(r.entries().size());
        Map<FaultKind, Integer> counts = new EnumMap<>(FaultKind.class);
        r.faults().forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
        assertThat(counts.keySet()).as("seed %d: every kind of fault occurs", seed).containsAll(Set.of(FaultKind.values()));

        Map<String, List<StatementLine>> debitsByRef = lines.stream().filter(l -> l.kind() == StatementLine.Kind.PAYOUT_DEBIT)
                .collect(Collectors.groupingBy(StatementLine::lineId));
        Map<String, Fault> faultByPayout = r.faults().stream().filter(f -> f.endToEndId() != null)
                .collect(Collectors.toMap(Fault::endToEndId, f -> f));
        int ref = 0;
        for (Expected x : expected) {
            Fault f = faultByPayout.get(x.endToEndId());
            List<StatementLine> debits = lines.stream().filter(l -> l.kind() == StatementLine.Kind.PAYOUT_DEBIT
                    && (x.endToEndId().equals(l.endToEndReference()) || (f != null && l.lineId().equals(f.entryRef())))).toList();
            if (f == null) {
                assertThat(debits).singleElement().satisfies(l -> {
                    assertThat(l.amountMinor()).isEqualTo(x.amountMinor());
                    assertThat(l.valueDate()).isEqualTo(x.valueDate());
                    assertThat(l.currency()).isEqualTo(x.currency());
                });
                continue;
            }
            switch (f.kind()) {
                case MISSING -> assertThat(debits).isEmpty();
                case DUPLICATE -> assertThat(debitsByRef.get(f.entryRef())).hasSize(2);
                case ROUNDING -> assertThat(Math.abs(debits.getFirst().amountMinor() - x.amountMinor())).isEqualTo(1);
                case LATE_VALUE_DATE -> assertThat(debits.getFirst().valueDate()).isAfter(x.valueDate())
                        .isBeforeOrEqualTo(x.valueDate().plusDays(3));
                case MISSING_REFERENCE -> assertThat(debits.getFirst().endToEndReference()).isNull();
                case UNKNOWN_REFERENCE -> throw new AssertionError("unknown references name no payout");
            }
            ref++;
        }
        assertThat(ref).isEqualTo(faultByPayout.size());
        Set<String> known = expected.stream().map(Expected::endToEndId).collect(Collectors.toSet());
        long unknown = lines.stream().filter(l -> l.endToEndReference() != null && !known.contains(l.endToEndReference())).count();
        assertThat(unknown).isEqualTo((long) counts.get(FaultKind.UNKNOWN_REFERENCE));
        long fees = lines.stream().filter(l -> l.kind() == StatementLine.Kind.FEE).count();
        assertThat(fees).isEqualTo(expected.stream().filter(x -> x.feeMinor() > 0).count());
    }
}
