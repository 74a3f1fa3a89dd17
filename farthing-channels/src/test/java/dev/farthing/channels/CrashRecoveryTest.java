package dev.farthing.channels;

import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.Party;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.SystemLedger;
import dev.farthing.ledger.model.NewTransfer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.farthing.channels.OneWayChannelTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

/** Crashes of the engine mid-dispute and between the channel journal and the ledger lose no money. */
class CrashRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void restartMidDisputeKeepsTheWindowAndThePenaltyStillLands() throws Exception {
        try (Harness h = new Harness(dir)) {
            Keys k = setUp(h);
            ChannelState stale = k.state(1, 900, 100);
            h.channels.closeUnilateral(k.id, Party.A, k.signed(stale), k.submit(Party.A, stale));
            h.restart();
            Channel c = h.channels.get(k.id).orElseThrow();
            assertThat(c.status()).isEqualTo(ChannelStatus.CLOSING);
            assertThat(c.closing().bytes()).isEqualTo(stale.bytes());
            List<ChannelEvent> replay = h.channels.events(0, 100, 0);
            assertThat(replay).extracting(ChannelEvent::type).containsExactly("opened", "close_started");
            h.channels.disputeWithSecret(k.id, 1, k.secretA(1), "tower");
            h.restart();
            assertThat(h.balance("bob")).isEqualTo(1_500);
            assertThat(h.channels.get(k.id).orElseThrow().status()).isEqualTo(ChannelStatus.CLOSED);
            h.assertConserved();
        }
    }

    @Test
    void crashBeforeTheLedgerAppliedIsCompletedOnRestart() throws Exception {
        try (Harness h = new Harness(dir)) {
            Keys k = setUp(h);
            ChannelState stale = k.state(1, 900, 100);
            h.channels.closeUnilateral(k.id, Party.A, k.signed(stale), k.submit(Party.A, stale));
            h.channels.close();
            try (ChannelService cut = ChannelService.open(failing(h.ledger, false), h.config())) {
                assertCode(() -> cut.disputeWithSecret(k.id, 1, k.secretA(1), "tower"), "unavailable");
            }
            assertThat(h.balance("bob")).isEqualTo(500); // the penalty never reached the ledger
            h.ledger.close();
            h.start();
            assertThat(h.balance("bob")).isEqualTo(1_500);
            assertThat(h.channels.get(k.id).orElseThrow().settlement().reason()).isEqualTo("penalty");
            assertThat(h.channels.events(0, 100, 0)).extracting(ChannelEvent::type).containsOnlyOnce("penalty");
            h.assertConserved();
        }
    }

    @Test
    void crashAfterTheLedgerAppliedIsNotAppliedTwice() throws Exception {
        try (Harness h = new Harness(dir)) {
            Keys k = setUp(h);
            h.channels.close();
            ChannelState s = k.state(3, 200, 800);
            try (ChannelService cut = ChannelService.open(failing(h.ledger, true), h.config())) {
                assertCode(() -> cut.closeCooperative(k.id, s, k.coopA(s), k.coopB(s)), "unavailable");
            }
            assertThat(h.balance("bob")).isEqualTo(1_300);
            h.restart();
            assertThat(h.balance("bob")).isEqualTo(1_300);
            assertThat(h.balance("alice")).isEqualTo(700);
            h.assertConserved();
        }
    }

    private static Keys setUp(Harness h) {
        Keys k = new Keys();
        h.wallet("alice", 1_000);
        h.wallet("bob", 1_000);
        h.channels.open(k.open("alice", "bob", 500, 500, 600));
        return k;
    }

    /** Recovery re-applies the open's escrow moves (idempotently); only later operations crash. */
    private static boolean isOpen(Object transfers) {
        return ((List<?>) transfers).stream().allMatch(t -> "channel_open".equals(((NewTransfer) t).code()));
    }

    /**
     * The ledger, except that transfer batches "crash": never applied, or applied but never answered. The channel
     * service moves money through its system handle, so the handle is wrapped the same way.
     */
    private static Ledger failing(Ledger real, boolean applyFirst) {
        return failing(Ledger.class, real, applyFirst);
    }

    private static <T> T failing(Class<T> type, Object real, boolean applyFirst) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.getName().equals("system")) {
                        return failing(SystemLedger.class, method.invoke(real, args), applyFirst);
                    }
                    if (method.getName().equals("createTransfers") && !isOpen(args[0])) {
                        if (applyFirst) {
                            ((CompletableFuture<?>) method.invoke(real, args)).join();
                        }
                        return CompletableFuture.failedFuture(new IllegalStateException("crash"));
                    }
                    if (method.getName().equals("close") && type == Ledger.class) {
                        return null;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }
}
