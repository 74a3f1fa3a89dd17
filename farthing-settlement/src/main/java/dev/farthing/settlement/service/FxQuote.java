package dev.farthing.settlement.service;

import dev.farthing.settlement.SettlementError;
import dev.farthing.settlement.SettlementException;
import dev.farthing.settlement.money.FxConversion;
import dev.farthing.settlement.money.FxRate;
import dev.farthing.settlement.money.UnitBridge;
import dev.farthing.settlement.payout.Payee;
import dev.farthing.settlement.payout.Payout;
import dev.farthing.settlement.payout.PayoutFx;
import dev.farthing.settlement.store.SettlementEvent.FxConverted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Cross-currency payouts (on the writer thread). Planning quotes the held source amount at the latest rate less the
 * payee's spread: the target ledger units credited are rounded down ({@link FxConversion}), then down again to the
 * target's minor unit, which is what the provider is asked to pay; the quote is recorded on the payout. Nothing is
 * converted until the payout is paid: then the posted hold is converted through the FX accounts with the recorded
 * rate (so the credited amount is the quoted one, whatever the rate is by then) and the pair's carried remainder, and
 * {@link LedgerBooks#bookPaid} books the sub-minor-unit remainder to {@code fx_rounding.<TGT>}. A failed payout is
 * never converted: its hold is voided in the source currency.
 */
final class FxQuote {
    private static final Logger LOG = LoggerFactory.getLogger(FxQuote.class);

    record Quoted(long minorAmount, int minorScale, PayoutFx fx) {
    }

    private FxQuote() {
    }

    /** Null when a scheduled payee cannot be paid now (no rate, or less than one target minor unit); a request throws. */
    static Quoted quote(Core core, Payee payee, long sourceLedger, boolean scheduled) {
        String source = payee.currency();
        String target = payee.payoutCurrency();
        Optional<FxRate> found = core.state.rates.find(source, target);
        if (found.isEmpty()) {
            if (scheduled) {
                LOG.warn("settlement: payee {} is paid in {} but there is no {}/{} rate; not paid this run",
                        payee.id(), target, source, target);
                return null;
            }
            throw new SettlementException(SettlementError.FX_RATE_MISSING, "no " + source + "/" + target
                    + " rate to pay payee " + payee.id() + " in " + target, "payee");
        }
        FxRate rate = found.get();
        int targetScale = core.books.ledgerScale(target);
        FxConversion c = FxConversion.of(rate, sourceLedger, core.books.ledgerScale(source), targetScale,
                payee.fxSpreadBps(), BigDecimal.ZERO);
        UnitBridge bridge = UnitBridge.of(target, targetScale);
        long minor = bridge.minorFloor(c.credited());
        if (minor < 1) {
            if (scheduled) return null;
            throw new SettlementException(SettlementError.BELOW_PAYOUT_MINIMUM, sourceLedger + " ledger units of "
                    + source + " are less than one minor unit of " + target + " at " + rate.rate(), "amount");
        }
        return new Quoted(minor, bridge.minorScale(), new PayoutFx(source, rate.rate().toPlainString(), rate.source(),
                Duration.between(Instant.EPOCH, rate.asOf()).toNanos(), payee.fxSpreadBps(), c.credited()));
    }

    static String conversionId(Payout p) {
        return "payout." + p.id();
    }

    /** Converts the paid payout's posted hold into the target's in-flight account, once (a repeat is a no-op). */
    static void bookConversion(Core core, Payout p) {
        String id = conversionId(p);
        if (core.state.conversions.containsKey(id)) return;
        PayoutFx fx = p.fx();
        core.books.postHold(p);
        FxRate rate = new FxRate(fx.sourceCurrency(), p.currency(), new BigDecimal(fx.rate()), fx.rateSource(),
                Instant.EPOCH.plusNanos(fx.rateAsOfNanos()));
        FxConversion c = FxConversion.of(rate, p.ledgerAmount(), core.books.ledgerScale(fx.sourceCurrency()),
                core.books.ledgerScale(p.currency()), fx.spreadBps(),
                core.state.fxCarry.getOrDefault(rate.pair(), BigDecimal.ZERO));
        if (c.credited() != fx.creditedLedger()) {
            throw new IllegalStateException("payout " + p.id() + " was quoted " + fx.creditedLedger() + " but converts to "
                    + c.credited()); // the same rate and amount: only a bug gets here
        }
        String from = LedgerBooks.inflight(fx.sourceCurrency());
        String to = LedgerBooks.inflight(p.currency());
        core.books.ensure(to, dev.farthing.ledger.model.AccountKind.SETTLEMENT);
        core.books.convert(id, from, to, fx.sourceCurrency(), p.currency(), c);
        core.record(new FxConverted(id, rate.pair(), from, to, p.ledgerAmount(), c.credited(), c.spread(), c.rounding(),
                c.carryAfter().toPlainString(), fx.rate(), fx.rateSource(), fx.spreadBps(), core.now()));
    }
}
