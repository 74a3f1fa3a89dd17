package dev.farthing.disputes;

import dev.farthing.contracts.audit.AuditEvent;
import dev.farthing.disputes.evidence.ChannelFacts;
import dev.farthing.disputes.evidence.EvidenceSources;
import dev.farthing.disputes.evidence.PaymentFacts;
import dev.farthing.disputes.resolve.LogisticModel;
import dev.farthing.disputes.service.DisputeOptions;
import dev.farthing.disputes.service.DisputeService;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.ledger.api.SystemLedger;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real ledger on a test clock, payments placed on it, and the dispute service over map-backed evidence. */
final class Fixture implements EvidenceSources, AutoCloseable {
    static final long START = BusinessCalendarTest.nanos("2026-12-01T15:00:00Z");
    final TestClock clock = new TestClock(START);
    final Path dir;
    final Ledger ledger;
    final SystemLedger handle;
    final Map<String, PaymentFacts> payments = new ConcurrentHashMap<>();
    final Map<String, ChannelFacts> channels = new ConcurrentHashMap<>();
    final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
    final List<String> labels = new CopyOnWriteArrayList<>();
    DisputeService service;

    Fixture(Path dir) throws Exception {
        this.dir = dir;
        ledger = Ledgers.open(LedgerConfig.defaults(dir.resolve("ledger")).withFsync(false), clock);
        for (String[] a : new String[][] {{"bank", "settlement"}, {"alice", "wallet"}, {"bob", "merchant"}, {"platform", "fee"}}) {
            ledger.createAccount(new NewAccount(a[0], "USD", AccountKind.fromWire(a[1]), null, 0, Map.of())).get().orThrow();
        }
        ledger.createTransfer(NewTransfer.simple("fund", "bank", "alice", 1_000_000_000L, "USD")).get().orThrow();
        handle = ledger.system("disputes");
        open();
    }

    void open() {
        service = DisputeService.open(dir.resolve("disputes"), handle, this, LogisticModel.shipped(), audit::add,
                (p, fraud) -> labels.add(p + "=" + (fraud ? "fraud" : "legit")), DisputeOptions.defaults().withFsync(false).withTickMillis(0));
    }

    void restart() {
        service.close();
        open();
    }

    /** A posted payment alice → bob with a 10% fee to the platform, from device d-1 at 10.0.0.1 by key op-1. */
    PaymentFacts pay(String id, long amount, String device, String ip, double risk) throws Exception {
        long fee = amount / 10;
        ledger.createTransfers(List.of(
                new NewTransfer(id, "alice", "bob", amount, "USD", "payment", null, Map.of(), 0),
                new NewTransfer(id + ".fee", "alice", "platform", fee, "USD", "payment_fee", id, Map.of(), 0)), true).get();
        PaymentFacts f = new PaymentFacts(id, "alice", "bob", amount, "USD", id, "platform", fee, id + ".fee",
                "approved", risk, risk > 0.5 ? List.of("new_device") : List.of(), device, ip, "op-1", clock.nanos(), "content-" + id);
        payments.put(id, f);
        return f;
    }

    long balance(String id) throws Exception {
        var o = ledger.lookupAccount(id).get();
        return o.isOk() ? o.value().balance() : 0;
    }

    /** Every balance on the ledger sums to zero: money was only moved, never made. */
    long total() throws Exception {
        long sum = 0;
        for (String a : List.of("bank", "alice", "bob", "platform", "sys.disputes.fees.usd", "sys.disputes.provisional.usd")) sum += balance(a);
        return sum;
    }

    @Override
    public Optional<PaymentFacts> payment(String paymentId) {
        return Optional.ofNullable(payments.get(paymentId));
    }

    @Override
    public List<PaymentFacts> earlierPayments(String payer, String deviceId, String ip, long before, int limit) {
        List<PaymentFacts> out = new ArrayList<>();
        for (PaymentFacts f : payments.values()) {
            if (f.payer().equals(payer) && f.paidAt() < before && (f.deviceId().equals(deviceId) || f.ip().equals(ip))) out.add(f);
        }
        return out;
    }

    @Override
    public List<PaymentFacts> paymentsBetween(String payer, String payee, long from, long to, int limit) {
        return payments.values().stream().filter(f -> f.payer().equals(payer) && f.payee().equals(payee)
                && f.paidAt() >= from && f.paidAt() <= to).toList();
    }

    @Override
    public Optional<ChannelFacts> channel(String channelId) {
        return Optional.ofNullable(channels.get(channelId));
    }

    @Override
    public List<PaymentFacts> paymentsForContent(String contentId, long before, int limit) {
        return List.of();
    }

    @Override
    public void close() {
        service.close();
        handle.close();
        ledger.close();
    }
}
