package dev.farthing.settlement.service;

import dev.farthing.ledger.model.AccountView;
import dev.farthing.settlement.SettlementError;
import dev.farthing.settlement.SettlementException;
import dev.farthing.settlement.money.FxConversion;
import dev.farthing.settlement.money.FxRate;
import dev.farthing.settlement.store.SettlementEvent.FxConverted;
import dev.farthing.settlement.store.SettlementEvent.FxRateSet;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * Rates and conversions on the writer thread: a conversion is worked out exactly ({@link FxConversion}) with the
 * pair's carried remainder, booked through the FX accounts ({@link LedgerBooks#convert}, ids from the conversion
 * id), then recorded with its new carry. A crash between the two is harmless: the repeat computes the same
 * conversion from the same carry and the ledger answers the same transfers as idempotent repeats.
 */
final class FxDesk {
    private final Core core;

    FxDesk(Core core) {
        this.core = core;
    }

    void putRate(FxRate rate) {
        core.record(new FxRateSet(rate.base(), rate.quote(), rate.rate().toPlainString(), rate.source(),
                Duration.between(Instant.EPOCH, rate.asOf()).toNanos()));
    }

    FxConverted convert(String id, String fromAccount, String toAccount, long amount, int spreadBps) {
        FxConverted known = core.state.conversions.get(id);
        if (known != null) return known;
        AccountView from = core.books.account(fromAccount);
        AccountView to = core.books.account(toAccount);
        if (from == null || to == null || from.currency().equals(to.currency())) {
            throw new SettlementException(SettlementError.INVALID_PAYOUT, "a conversion needs two existing accounts"
                    + " in different currencies: " + fromAccount + ", " + toAccount, "account");
        }
        FxRate rate = core.state.rates.find(from.currency(), to.currency()).orElseThrow(() -> new SettlementException(
                SettlementError.FX_RATE_MISSING, "no rate for " + from.currency() + "/" + to.currency()));
        String pair = rate.pair();
        FxConversion c = FxConversion.of(rate, amount, core.books.ledgerScale(from.currency()),
                core.books.ledgerScale(to.currency()), spreadBps, core.state.fxCarry.getOrDefault(pair, BigDecimal.ZERO));
        core.books.convert(id, fromAccount, toAccount, from.currency(), to.currency(), c);
        FxConverted event = new FxConverted(id, pair, fromAccount, toAccount, amount, c.credited(), c.spread(),
                c.rounding(), c.carryAfter().toPlainString(), rate.rate().toPlainString(), rate.source(), spreadBps,
                core.now());
        core.record(event);
        return event;
    }
}
