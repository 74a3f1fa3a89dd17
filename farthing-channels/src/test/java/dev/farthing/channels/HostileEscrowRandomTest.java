package dev.farthing.channels;

import dev.farthing.channel.protocol.Claim;
import dev.farthing.keys.Ed25519;
import dev.farthing.keys.SoftwareSigner;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.AccountStatus;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded: one-way channel opens, funds, claims and closes interleaved with a hostile operator's plain ledger
 * commands aimed at escrow (transfers and holds either way, batches hiding one such member, freezes, look-alike
 * accounts). After every step conservation holds, every hostile step is {@code system_account}, escrow moves only
 * with channel operations, and continuous reconciliation never trips. {@code -Dfarthing.seed=N} reproduces a run.
 */
class HostileEscrowRandomTest {
    static final String ESCROW = "channels.escrow.USD";
    @TempDir
    Path dir;

    @Test
    void noHostileStepMovesEscrow() {
        long seed = Long.getLong("farthing.seed", new Random().nextLong());
        System.out.println("HostileEscrowRandomTest: seed=" + seed + "   (replay with -Dfarthing.seed=" + seed + ")");
        Random rnd = new Random(seed);
        SoftwareSigner payer = Ed25519.generate(Keys.RANDOM);
        List<byte[]> open = new ArrayList<>();
        int hostile = 0;
        try (Harness h = new Harness(dir)) {
            h.wallet("alice", 10_000_000);
            h.wallet("shop", 0);
            h.wallet("operator", 0);
            for (int step = 0; step < 300; step++) {
                String ctx = "seed=" + seed + " step=" + step;
                boolean channelStep = open.isEmpty() || rnd.nextInt(3) == 0;
                if (channelStep) {
                    channelStep(h, rnd, payer, open);
                } else {
                    hostile++;
                    long escrowBefore = h.balance(ESCROW);
                    String id = "h" + step;
                    long before = h.balance("operator");
                    hostileStep(h, rnd, id, ctx);
                    assertThat(h.balance(ESCROW)).as(ctx).isEqualTo(escrowBefore);
                    assertThat(h.balance("operator")).as(ctx).isGreaterThanOrEqualTo(before);
                }
                h.assertConserved();
            }
            assertThat(h.ledger.health().breakerOpen()).as("seed=" + seed + " " + h.ledger.health().breakerReason()).isFalse();
        }
        assertThat(hostile).isPositive();
    }

    private static void channelStep(Harness h, Random rnd, SoftwareSigner payer, List<byte[]> open) {
        int pick = open.isEmpty() ? 0 : rnd.nextInt(4);
        if (pick == 0) {
            byte[] id = Keys.random32();
            h.channels.open(new OpenRequest(id, ChannelKind.ONE_WAY, "alice", "shop", 1 + rnd.nextInt(50_000), 0, "USD",
                    payer.publicKey(), null, null, null, 3_600L, null, 0));
            open.add(id);
            return;
        }
        byte[] id = open.get(rnd.nextInt(open.size()));
        Channel c = h.channels.get(id).orElseThrow();
        switch (pick) {
            case 1 -> h.channels.fund(id, 1 + rnd.nextInt(10_000));
            case 2 -> {
                if (c.paid() < c.depositA()) {
                    long amount = c.paid() + 1 + rnd.nextInt((int) Math.min(Integer.MAX_VALUE - 1, c.depositA() - c.paid()));
                    h.channels.claim(id, amount, payer.sign(new Claim(id, amount).bytes()), id);
                }
            }
            default -> {
                h.channels.closeByPayee(id, null, null);
                open.remove(id);
            }
        }
    }

    /** One refused command; a batch's ordinary member commits only when the batch is not atomic. */
    private static void hostileStep(Harness h, Random rnd, String id, String ctx) {
        switch (rnd.nextInt(8)) {
            case 0 -> refused(h.ledger.createTransfer(NewTransfer.simple(id, ESCROW, "operator", 1 + rnd.nextInt(100_000), "USD")).join(), ctx);
            case 1 -> refused(h.ledger.createTransfer(NewTransfer.simple(id, "alice", ESCROW, 1 + rnd.nextInt(100), "USD")).join(), ctx);
            case 2 -> refused(h.ledger.createTransfer(new NewTransfer(id, ESCROW, "operator", 1 + rnd.nextInt(100), "USD",
                    null, null, Map.of(), 60)).join(), ctx);
            case 3 -> {
                boolean atomic = rnd.nextBoolean();
                List<NewTransfer> batch = new ArrayList<>(List.of(NewTransfer.simple(id + ".a", "alice", "operator", 1, "USD"),
                        NewTransfer.simple(id + ".b", ESCROW, "operator", 1 + rnd.nextInt(100_000), "USD")));
                java.util.Collections.shuffle(batch, rnd);
                List<Outcome<TransferView>> r = h.ledger.createTransfers(batch, atomic).join();
                for (int i = 0; i < r.size(); i++) {
                    boolean touchesEscrow = batch.get(i).debitAccount().equals(ESCROW);
                    ErrorCode expected = touchesEscrow ? ErrorCode.SYSTEM_ACCOUNT
                            : atomic ? ErrorCode.LINKED_TRANSFER_FAILED : null;
                    assertThat(r.get(i).error()).as(ctx + " atomic=" + atomic).isEqualTo(expected);
                }
            }
            case 4 -> assertThat(h.ledger.changeAccountStatus(ESCROW, AccountStatus.FROZEN).join().error()).as(ctx)
                    .isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
            case 5 -> assertThat(h.ledger.createAccount(new NewAccount("channels.escrow.EUR", "EUR", AccountKind.SETTLEMENT,
                    false, 0, Map.of())).join().error()).as(ctx).isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
            case 6 -> assertThat(h.ledger.createAccount(new NewAccount("CHANNELS.escrow.USD", "USD", AccountKind.SETTLEMENT,
                    false, 0, Map.of())).join().error()).as(ctx).isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
            default -> refused(h.ledger.createTransfer(NewTransfer.simple(id, ESCROW, "shop", 1, "USD")).join(), ctx);
        }
    }

    private static void refused(Outcome<TransferView> o, String ctx) {
        assertThat(o.error()).as(ctx).isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
    }
}
