package dev.farthing.client.twoway;

import dev.farthing.channel.protocol.Party;
import dev.farthing.keys.KeyFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both sides sign a splice; the pre-splice states are revoked as usual, so they stay punishable. */
class SpliceSdkTest {
    @TempDir
    Path dir;

    @Test
    void aSpliceIsSignedByBothAndOlderStatesAreRevoked() {
        ChannelPair pair = new ChannelPair(dir).open(600, 400);
        pair.pay(10, 3); // 570 / 430 at nonce 3
        assertThatThrownBy(() -> pair.a.proposeSplice(570, 430, 0, 0)).isInstanceOf(ChannelProtocolException.class);
        assertThatThrownBy(() -> pair.a.proposeSplice(900, 430, 300, 0)).isInstanceOf(ChannelProtocolException.class);
        Messages.SpliceUpdate proposal = pair.a.proposeSplice(870, 230, 300, -200);
        Messages.SignedSplice signed = pair.a.completeSplice(proposal, pair.b.acceptSplice(proposal));
        assertThat(signed.splice().state().nonce()).isEqualTo(4);
        assertThat(signed.splice().verify(pair.walletA.key(KeyFamily.SIGNING, 0).publicKey(), signed.signatureA(),
                pair.walletB.key(KeyFamily.SIGNING, 0).publicKey(), signed.signatureB())).isTrue();
        assertThat(pair.b.latest().state().total()).isEqualTo(1_100);
        pair.exchangeRevocations();
        assertThat(pair.justiceForB).extracting(JusticeMaterial::revokedNonce).contains(3L);
        // Updates after the splice conserve the new total.
        pair.a.complete(pair.b.accept(pair.a.propose(860, 240)));
        assertThat(pair.a.latest().state().nonce()).isEqualTo(5);
        assertThat(pair.a.me()).isEqualTo(Party.A);
    }
}
