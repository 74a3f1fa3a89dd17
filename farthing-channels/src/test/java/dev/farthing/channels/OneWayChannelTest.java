package dev.farthing.channels;

import dev.farthing.channel.protocol.Claim;
import dev.farthing.channel.protocol.PayerClose;
import dev.farthing.keys.Ed25519;
import dev.farthing.keys.SoftwareSigner;
import dev.farthing.ledger.model.AccountStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OneWayChannelTest {
    @TempDir
    Path dir;
    Harness h;
    final SoftwareSigner payer = Ed25519.generate(Keys.RANDOM);
    final byte[] id = Keys.random32();

    @BeforeEach
    void setUp() {
        h = new Harness(dir);
        h.wallet("alice", 10_000);
        h.wallet("shop", 0);
    }

    @AfterEach
    void tearDown() {
        h.assertConserved();
        h.close();
    }

    private Channel open(byte[] channelId, long deposit, long cancelAfter) {
        return h.channels.open(new OpenRequest(channelId, ChannelKind.ONE_WAY, "alice", "shop", deposit, 0, "USD",
                payer.publicKey(), null, null, null, 3_600L, null, cancelAfter));
    }

    private byte[] sign(byte[] channelId, long amount) {
        return payer.sign(new Claim(channelId, amount).bytes());
    }

    @Test
    void claimsRedeemTheDifferenceAndPayeeCloseReturnsTheRest() {
        open(id, 1_000, 0);
        assertThat(h.balance("alice")).isEqualTo(9_000);
        assertThat(h.channels.claim(id, 300, sign(id, 300), null).redeemed()).isEqualTo(300);
        assertThat(h.channels.claim(id, 450, sign(id, 450), id).redeemed()).isEqualTo(150);
        h.channels.fund(id, 500);
        assertThat(h.channels.get(id).orElseThrow().depositA()).isEqualTo(1_500);
        Channel closed = h.channels.closeByPayee(id, 1_200L, sign(id, 1_200));
        assertThat(closed.status()).isEqualTo(ChannelStatus.CLOSED);
        assertThat(h.balance("shop")).isEqualTo(1_200);
        assertThat(h.balance("alice")).isEqualTo(8_800);
        assertThatThrownBy(() -> h.channels.claim(id, 1_300, sign(id, 1_300), null))
                .extracting("code").isEqualTo("channel_closed");
    }

    @Test
    void refusalsHaveDistinctCodes() {
        open(id, 1_000, 0);
        h.channels.claim(id, 400, sign(id, 400), null);
        assertCode(() -> h.channels.claim(id, 1_001, sign(id, 1_001), null), "claim_exceeds_deposit");
        assertCode(() -> h.channels.claim(id, 400, sign(id, 400), null), "claim_not_above_paid");
        assertCode(() -> h.channels.claim(id, 300, sign(id, 300), null), "claim_not_above_paid");
        SoftwareSigner forger = Ed25519.generate(Keys.RANDOM);
        assertCode(() -> h.channels.claim(id, 900, forger.sign(new Claim(id, 900).bytes()), null), "invalid_signature");
        assertCode(() -> h.channels.claim(id, 900, sign(id, 899), null), "invalid_signature");
        assertCode(() -> h.channels.claim(id, 900, malleate(sign(id, 900)), null), "invalid_signature");
        assertCode(() -> h.channels.claim(id, 900, new byte[63], null), "invalid_signature");
        assertCode(() -> h.channels.fund(Keys.random32(), 5), "channel_not_found");
        assertThat(h.balance("shop")).isEqualTo(400);
    }

    @Test
    void aClaimForAnotherChannelIsRefused() {
        byte[] other = Keys.random32();
        open(id, 1_000, 0);
        open(other, 1_000, 0);
        byte[] claimForOther = sign(other, 500);
        assertCode(() -> h.channels.claim(id, 500, claimForOther, null), "invalid_signature");
        assertCode(() -> h.channels.claim(id, 500, claimForOther, other), "claim_channel_mismatch");
        assertThat(h.channels.claim(other, 500, claimForOther, other).redeemed()).isEqualTo(500);
        assertThat(h.channels.get(id).orElseThrow().paid()).isZero();
    }

    @Test
    void payerCloseSettlesAfterTheDelayByLedgerTime() {
        open(id, 1_000, 0);
        h.channels.claim(id, 100, sign(id, 100), null);
        assertCode(() -> h.channels.closeByPayer(id, payer.sign(new Claim(id, 0).bytes())), "invalid_signature");
        Channel closing = h.channels.closeByPayer(id, payer.sign(PayerClose.bytes(id)));
        assertThat(closing.status()).isEqualTo(ChannelStatus.CLOSING);
        h.advance(Duration.ofSeconds(3_599));
        assertThat(h.channels.tick()).isZero();
        h.channels.claim(id, 250, sign(id, 250), null); // the payee may still redeem during the delay
        h.advance(Duration.ofSeconds(2));
        assertThat(h.channels.tick()).isEqualTo(1);
        Channel c = h.channels.get(id).orElseThrow();
        assertThat(c.status()).isEqualTo(ChannelStatus.CLOSED);
        assertThat(c.settlement().reason()).isEqualTo("settle_delay");
        assertThat(h.balance("alice")).isEqualTo(9_750);
        assertThat(h.balance("shop")).isEqualTo(250);
    }

    @Test
    void closeAfterCancelAfterIsRefusedAndTheRemainderReturns() {
        long cancelAfter = h.ledger.now() + Duration.ofHours(2).toNanos();
        open(id, 1_000, cancelAfter);
        h.channels.claim(id, 100, sign(id, 100), null);
        h.advance(Duration.ofHours(2).plusSeconds(1));
        assertCode(() -> h.channels.closeByPayee(id, 900L, sign(id, 900)), "channel_expired");
        assertCode(() -> h.channels.claim(id, 900, sign(id, 900), null), "channel_expired");
        assertThat(h.channels.tick()).isEqualTo(1);
        assertThat(h.channels.get(id).orElseThrow().settlement().reason()).isEqualTo("cancel_after");
        assertThat(h.balance("shop")).isEqualTo(100);
        assertThat(h.balance("alice")).isEqualTo(9_900);
    }

    @Test
    void aRefusedPayoutAtExpiryIsRetriedOnLaterTicks() {
        open(id, 1_000, 0);
        h.channels.closeByPayer(id, payer.sign(PayerClose.bytes(id)));
        h.ledger.changeAccountStatus("alice", AccountStatus.FROZEN).join().orThrow();
        h.advance(Duration.ofHours(2));
        assertThat(h.channels.tick()).isZero();
        assertThat(h.channels.get(id).orElseThrow().status()).isEqualTo(ChannelStatus.CLOSING);
        h.ledger.changeAccountStatus("alice", AccountStatus.OPEN).join().orThrow();
        assertThat(h.channels.tick()).isEqualTo(1);
        assertThat(h.balance("alice")).isEqualTo(10_000);
    }

    @Test
    void openIsIdempotentAndRefusesOverdraft() {
        open(id, 1_000, 0);
        open(id, 1_000, 0);
        assertThat(h.balance("alice")).isEqualTo(9_000);
        assertCode(() -> open(id, 2_000, 0), "channel_exists");
        assertCode(() -> open(Keys.random32(), 20_000, 0), "insufficient_funds");
        assertThat(h.balance("alice")).isEqualTo(9_000);
    }

    static void assertCode(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOf(ChannelException.class).extracting("code").isEqualTo(code);
    }

    /** S + L: the same signature equation with a non-canonical scalar. */
    static byte[] malleate(byte[] sig) {
        BigInteger l = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
        byte[] sLe = Arrays.copyOfRange(sig, 32, 64);
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = sLe[31 - i];
        }
        byte[] sum = new BigInteger(1, be).add(l).toByteArray();
        byte[] out = sig.clone();
        for (int i = 0; i < 32; i++) {
            int from = sum.length - 1 - i;
            out[32 + i] = from >= 0 ? sum[from] : 0;
        }
        return out;
    }
}
