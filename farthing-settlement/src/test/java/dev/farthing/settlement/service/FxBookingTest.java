package dev.farthing.settlement.service;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.settlement.SettlementException;
import dev.farthing.settlement.money.FxRate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Conversions through the FX accounts: rate, source and spread on every transfer, remainders booked or carried. */
class FxBookingTest {
    @TempDir
    Path dir;

    @Test
    void aConversionMovesMoneyThroughTheFxAccountsWithTheRateOnTheTransferAndKeepsItsRemainderAcrossARestart() {
        try (Ledger ledger = TestLedger.open(dir.resolve("ledger"))) {
            TestLedger.account(ledger, "platform", "USD");
            TestLedger.account(ledger, "usd1", "USD");
            TestLedger.account(ledger, "eur1", "EUR");
            TestLedger.book(ledger, "platform", "usd1", 10_000_000, "USD", "earning");
            SettlementConfig config = SettlementConfig.of(dir.resolve("s"), List.of());
            BigDecimal carry;
            try (SettlementService s = SettlementService.open(ledger, config)) {
                assertThatThrownBy(() -> s.convert("c0", "usd1", "eur1", 1_000, 0)).isInstanceOf(SettlementException.class)
                        .hasMessageContaining("no rate for USD/EUR");
                s.putRate(new FxRate("EUR", "USD", new BigDecimal("1.0842"), "ECB reference 2026-01-05",
                        Instant.parse("2026-01-05T14:15:00Z")));
                var c = s.convert("c1", "usd1", "eur1", 3_333_333, 25); // the USD/EUR side: the inverse of EUR/USD
                assertThat(s.convert("c1", "usd1", "eur1", 3_333_333, 25)).isEqualTo(c); // a repeat
                TransferView out = ledger.lookupTransfer("sett.fx.c1.out").join().orThrow();
                assertThat(out.metadata()).containsEntry("pair", "USD/EUR").containsEntry("spread_bps", "25")
                        .containsKey("rate").containsEntry("rate_as_of", "2026-01-05T14:15:00Z");
                assertThat(out.metadata().get("rate_source")).contains("inverse of EUR/USD").contains("ECB");
                assertThat(TestLedger.balance(ledger, "usd1")).isEqualTo(10_000_000 - 3_333_333);
                assertThat(TestLedger.balance(ledger, "eur1")).isEqualTo(c.credited());
                assertThat(TestLedger.balance(ledger, "sys.settlement.fx.USD")).isEqualTo(3_333_333);
                assertThat(TestLedger.balance(ledger, "sys.settlement.fx.EUR"))
                        .isEqualTo(-(c.credited() + c.spread() + c.rounding()));
                assertThat(c.spread()).isPositive();
                carry = s.fxCarry("USD/EUR");
                assertThat(carry.toPlainString()).isEqualTo(c.carryAfter());
                TestLedger.assertConserved(ledger);
            }
            try (SettlementService s = SettlementService.open(ledger, config)) {
                assertThat(s.fxCarry("USD/EUR")).isEqualByComparingTo(carry); // the remainder survives a restart
                var c2 = s.convert("c2", "usd1", "eur1", 1, 0);
                assertThat(new BigDecimal(c2.carryAfter())).isLessThan(BigDecimal.ONE);
            }
        }
    }
}
