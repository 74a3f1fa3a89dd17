package dev.farthing.channels;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/** A ledger with a hand-driven clock and a channel service on it, restartable in place. */
final class Harness implements AutoCloseable {
    static final String USD = "USD";
    static final String MINT = "mint";
    final Path dir;
    final ManualClock clock = new ManualClock();
    private final UnaryOperator<ChannelConfig> tweak;
    Ledger ledger;
    ChannelService channels;

    /** A clock the test moves; starts at a fixed instant so runs are reproducible. */
    static final class ManualClock extends Clock {
        private final AtomicLong nanos = new AtomicLong(1_800_000_000L * 1_000_000_000L);

        void advance(Duration d) {
            nanos.addAndGet(d.toNanos());
        }

        long nanos() {
            return nanos.get();
        }

        @Override
        public Instant instant() {
            long n = nanos.get();
            return Instant.ofEpochSecond(n / 1_000_000_000L, n % 1_000_000_000L);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    Harness(Path dir) {
        this(dir, c -> c);
    }

    Harness(Path dir, UnaryOperator<ChannelConfig> tweak) {
        this.dir = dir;
        this.tweak = tweak;
        start();
        ledger.createAccount(new NewAccount(MINT, USD, AccountKind.SETTLEMENT, false, 0, Map.of())).join().orThrow();
    }

    void start() {
        ledger = Ledgers.open(LedgerConfig.defaults(dir.resolve("ledger")).withFsync(false), clock);
        channels = ChannelService.open(ledger, config());
    }

    ChannelConfig config() {
        return tweak.apply(ChannelConfig.defaults(dir.resolve("channels")).withFsync(false).withTickMs(0));
    }

    /** Closes the service and the ledger as a crash would leave them on disk, then opens both again. */
    void restart() {
        channels.close();
        ledger.close();
        start();
    }

    void wallet(String id, long amount) {
        ledger.createAccount(new NewAccount(id, USD, AccountKind.WALLET, null, 0, Map.of())).join().orThrow();
        if (amount > 0) {
            ledger.createTransfer(NewTransfer.simple("mint-" + id, MINT, id, amount, USD)).join().orThrow();
        }
    }

    long balance(String id) {
        return ledger.lookupAccount(id).join().orThrow().balance();
    }

    void advance(Duration d) {
        clock.advance(d);
    }

    void assertConserved() {
        Conservation c = channels.conservation();
        if (!c.balanced()) {
            throw new AssertionError("channel money not conserved: " + c);
        }
    }

    @Override
    public void close() {
        channels.close();
        ledger.close();
    }
}
