package dev.farthing.client.twoway;

import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.Party;
import dev.farthing.channel.protocol.SignedState;
import dev.farthing.channel.protocol.Splice;
import dev.farthing.keys.Ed25519;
import dev.farthing.keys.Ed25519Verifier;
import dev.farthing.keys.Signer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One party's side of a revocable two-way channel, off the ledger. An update from state n to n+1 is
 * {@link #propose} (proposer signs) → {@link #accept} (counterparty verifies and signs) → {@link #complete}
 * (proposer verifies). Each side then calls {@link #flush}: one fsync of the state file for every update since
 * the last flush, and only after it the revocation secrets of the superseded states are released. A crash
 * therefore never releases a secret for a state that is not stored. Received secrets are checked against the
 * revoked state's hash and the BOLT 3 chain ({@link PeerRevocations}), persisted, and handed
 * to the {@link JusticeListener}. Not thread-safe: one thread drives a channel.
 */
public final class TwoWayChannel implements AutoCloseable {
    /** Everything a party supplies to run a channel; keys come from its wallet. */
    public record Config(byte[] channelId, Party me, Signer signer, byte[] peerSigningKey, byte[] secretSeed,
                         JusticeListener listener) {
    }

    private Config config;
    private Ed25519Verifier peer;
    private final HashWindow hashes;
    private final StateStore store;
    private final PeerRevocations peerRevocations;
    /** Our proposals awaiting the counterparty's signature, with our own signature (made once). */
    private final ArrayDeque<Proposal> outstanding = new ArrayDeque<>();
    private SignedState latest;
    private long nextOwnRevocation;

    private record Proposal(ChannelState state, byte[] signature) {
    }

    private TwoWayChannel(Config config, StateStore store) {
        this.config = config;
        this.peer = Ed25519.verifier(config.peerSigningKey());
        this.hashes = new HashWindow(config.secretSeed());
        this.peerRevocations = new PeerRevocations(hashes);
        this.store = store;
    }

    /** Opens (or recovers) the channel whose durable state lives in {@code store}. */
    public static TwoWayChannel open(Config config, StateStore store) {
        TwoWayChannel channel = new TwoWayChannel(config, store);
        for (StateStore.Record r : store.recovered()) {
            channel.replay(r);
        }
        if (channel.latest != null) {
            // Secrets below the latest state may or may not have gone out before a crash; offer a bounded
            // window again (the counterparty ignores ones it has).
            channel.nextOwnRevocation = Math.max(0, channel.latest.state().nonce() - 2L * HashWindow.AHEAD);
        }
        return channel;
    }

    /** This party's opening: its revocation hashes for states 0..AHEAD. */
    public Messages.Opening opening() {
        byte[][] h = new byte[HashWindow.AHEAD + 1][];
        for (int i = 0; i < h.length; i++) {
            h[i] = hashes.ownHash(i);
        }
        return new Messages.Opening(h);
    }

    /** Records the counterparty's opening and signs state 0 with the funded balances. */
    public byte[] signInitial(Messages.Opening peerOpening, long balanceA, long balanceB) {
        for (int i = 0; i < peerOpening.hashes().length; i++) {
            hashes.announcePeer(i, peerOpening.hashes()[i]);
        }
        store.append(StateRecords.OPENING, StateRecords.opening(peerOpening));
        outstanding.clear();
        ChannelState zero = build(0, balanceA, balanceB);
        outstanding.add(new Proposal(zero, config.signer().sign(zero.bytes())));
        return outstanding.peek().signature();
    }

    /** Verifies the counterparty's signature on state 0 and makes it durable. */
    public void completeInitial(byte[] peerSignature) {
        Proposal zero = outstanding.peek();
        if (zero == null || zero.state().nonce() != 0) {
            throw new ChannelProtocolException("state_conflict", "no initial state awaiting a signature");
        }
        requirePeerSignature(zero.state(), peerSignature);
        outstanding.poll();
        adopt(zero.state(), zero.signature(), peerSignature, new byte[32]);
        store.sync();
    }

    /** Proposes the next state; several proposals may be in flight (up to {@link HashWindow#AHEAD}). */
    public Messages.Update propose(long balanceA, long balanceB) {
        ChannelState tip = outstanding.isEmpty() ? requireOpen().state() : outstanding.peekLast().state();
        long n = tip.nonce() + 1;
        UpdateChecks.requireConserved(tip, balanceA, balanceB);
        if (n - peerRevocations.revokedBelow() > 2L * HashWindow.AHEAD || n > latest.state().nonce() + HashWindow.AHEAD) {
            throw new ChannelProtocolException("too_many_unrevoked", "flush and exchange revocations first");
        }
        return proposeNext(n, balanceA, balanceB);
    }

    /** Builds and signs state {@code n}, queues it as outstanding and words it for the counterparty. */
    private Messages.Update proposeNext(long n, long balanceA, long balanceB) {
        ChannelState next = build(n, balanceA, balanceB);
        Proposal p = new Proposal(next, config.signer().sign(next.bytes()));
        outstanding.add(p);
        return new Messages.Update(next, p.signature(), hashes.ownHash(n + HashWindow.AHEAD));
    }

    /** Verifies and countersigns the counterparty's proposal; the new state is stored (durable at flush). */
    public Messages.Acceptance accept(Messages.Update update) {
        return accept(update, true);
    }

    /** {@code checked} false: a splice whose shape and signatures {@link #acceptSplice} already checked. */
    private Messages.Acceptance accept(Messages.Update update, boolean checked) {
        ChannelState s = update.state();
        ChannelState tip = requireOpen().state();
        if (checked) {
            if (!outstanding.isEmpty()) {
                throw new ChannelProtocolException("state_conflict", "both parties proposed; retry after settling ours");
            }
            UpdateChecks.requireSuccessor(config.channelId(), tip, s);
            if (!s.sameAs(build(s.nonce(), s.balanceA(), s.balanceB()))) {
                throw new ChannelProtocolException("unknown_revocation_hash", "state carries the wrong revocation hashes");
            }
            requirePeerSignature(s, update.signature());
        }
        byte[] mine = config.signer().sign(s.bytes());
        hashes.announcePeer(s.nonce() + HashWindow.AHEAD, update.hashAhead());
        adopt(s, mine, update.signature(), update.hashAhead());
        return new Messages.Acceptance(s.nonce(), mine, hashes.ownHash(s.nonce() + HashWindow.AHEAD));
    }

    /** Verifies the counterparty's signature on our oldest outstanding proposal. */
    public void complete(Messages.Acceptance acceptance) {
        Proposal p = outstanding.peek();
        if (p == null || p.state().nonce() != acceptance.nonce()) {
            throw new ChannelProtocolException("wrong_nonce", "no outstanding proposal for state " + acceptance.nonce());
        }
        requirePeerSignature(p.state(), acceptance.signature());
        outstanding.poll();
        hashes.announcePeer(p.state().nonce() + HashWindow.AHEAD, acceptance.hashAhead());
        adopt(p.state(), p.signature(), acceptance.signature(), acceptance.hashAhead());
    }

    /**
     * Proposes a splice (wallet or merchant side alike): the next state with balances that sum to the current
     * total plus {@code changeA + changeB} (a top-up is positive, a withdrawal negative). Only when idle; the
     * counterparty answers with {@link #acceptSplice}. Once complete either side submits the
     * {@link Messages.SignedSplice} to the engine; the older states are revoked at the next flush as usual,
     * so a pre-splice state stays punishable.
     */
    public Messages.SpliceUpdate proposeSplice(long balanceA, long balanceB, long changeA, long changeB) {
        requireIdle();
        ChannelState tip = requireOpen().state();
        UpdateChecks.requireSpliceBalances(tip, balanceA, balanceB, changeA, changeB);
        long n = tip.nonce() + 1;
        if (n - peerRevocations.revokedBelow() > 2L * HashWindow.AHEAD) {
            throw new ChannelProtocolException("too_many_unrevoked", "flush and exchange revocations first");
        }
        Messages.Update update = proposeNext(n, balanceA, balanceB);
        Splice splice = new Splice(update.state(), changeA, changeB);
        return new Messages.SpliceUpdate(update, changeA, changeB, config.signer().sign(splice.bytes()));
    }

    /** Verifies and countersigns a proposed splice: the state (stored as the new latest) and the splice. */
    public Messages.SpliceAcceptance acceptSplice(Messages.SpliceUpdate proposal) {
        ChannelState s = proposal.update().state();
        ChannelState tip = requireOpen().state();
        if (!outstanding.isEmpty()) {
            throw new ChannelProtocolException("state_conflict", "both parties proposed; retry after settling ours");
        }
        if (!Arrays.equals(s.channelId(), config.channelId()) || s.nonce() != tip.nonce() + 1) {
            throw new ChannelProtocolException("wrong_nonce", "a splice must be the next state of this channel");
        }
        UpdateChecks.requireSpliceBalances(tip, s.balanceA(), s.balanceB(), proposal.changeA(), proposal.changeB());
        if (!s.sameAs(build(s.nonce(), s.balanceA(), s.balanceB()))) {
            throw new ChannelProtocolException("unknown_revocation_hash", "state carries the wrong revocation hashes");
        }
        requirePeerSignature(s, proposal.update().signature());
        byte[] spliceBytes = proposal.splice().bytes();
        if (!peer.verify(spliceBytes, proposal.spliceSignature())) {
            throw new ChannelProtocolException("bad_signature", "counterparty signature on the splice is invalid");
        }
        Messages.Acceptance a = accept(proposal.update(), false);
        return new Messages.SpliceAcceptance(a, config.signer().sign(spliceBytes));
    }

    /** Verifies the counterparty's signatures on our splice; returns it signed by both, for the engine. */
    public Messages.SignedSplice completeSplice(Messages.SpliceUpdate ours, Messages.SpliceAcceptance theirs) {
        byte[] spliceBytes = ours.splice().bytes();
        if (!peer.verify(spliceBytes, theirs.spliceSignature())) {
            throw new ChannelProtocolException("bad_signature", "counterparty signature on the splice is invalid");
        }
        complete(theirs.acceptance());
        boolean a = config.me() == Party.A;
        return new Messages.SignedSplice(ours.splice(), a ? ours.spliceSignature() : theirs.spliceSignature(),
                a ? theirs.spliceSignature() : ours.spliceSignature());
    }

    /**
     * Group commit: one fsync for everything stored since the last flush, THEN the revocation secrets of every
     * own state older than the latest durable one. If the sync fails nothing is released.
     */
    public List<Messages.Revocation> flush() {
        store.sync();
        long durable = latest == null ? 0 : latest.state().nonce();
        List<Messages.Revocation> out = new ArrayList<>();
        for (; nextOwnRevocation < durable; nextOwnRevocation++) {
            out.add(new Messages.Revocation(config.channelId(), nextOwnRevocation, hashes.ownSecret(nextOwnRevocation)));
        }
        return out;
    }

    /**
     * Takes the counterparty's revocation secret; duplicates of ones already held are ignored. The secret is
     * handed to the justice hook at once and is durable in the state file at the next flush or close.
     */
    public void receive(Messages.Revocation r) {
        if (!Arrays.equals(r.channelId(), config.channelId())) {
            throw new ChannelProtocolException("wrong_channel", "revocation is for another channel");
        }
        ChannelState revoked = peerRevocations.accept(r, latest == null ? null : latest.state(), config.me());
        if (revoked == null) {
            return;
        }
        store.append(StateRecords.SECRET, StateRecords.secret(r.nonce(), r.secret()));
        peerRevocations.revoked(r.nonce());
        config.listener().onRevoked(new JusticeMaterial(config.channelId(), r.nonce(), revoked.bytes(), r.secret(),
                config.me()));
    }

    /**
     * After the ledger accepted a rotation of OUR signing key: sign from now on with {@code newSigner}. Only
     * between updates: proposals in flight carry the old key's signature and would be refused.
     */
    public void rotateOwnKey(Signer newSigner) {
        requireIdle();
        config = new Config(config.channelId(), config.me(), newSigner, config.peerSigningKey(), config.secretSeed(),
                config.listener());
    }

    /** After the ledger accepted the counterparty's rotation: verify its signatures with the new key. */
    public void peerRotated(byte[] newPeerSigningKey) {
        requireIdle();
        peer = Ed25519.verifier(newPeerSigningKey);
        config = new Config(config.channelId(), config.me(), config.signer(), newPeerSigningKey, config.secretSeed(),
                config.listener());
    }

    /** The latest state both parties signed (durable after the next flush), or null before opening. */
    public SignedState latest() {
        return latest;
    }

    /** The counterparty's secret revoking its state {@code nonce}, or null when not (yet) revoked. */
    public byte[] peerSecretFor(long nonce) {
        return peerRevocations.secretFor(nonce);
    }

    public Party me() {
        return config.me();
    }

    public byte[] channelId() {
        return config.channelId().clone();
    }

    /** Makes everything received so far durable (received secrets included), then closes the file. */
    @Override
    public void close() {
        try {
            if (store.healthy()) {
                store.sync();
            }
        } finally {
            store.close();
        }
    }

    private void replay(StateStore.Record r) {
        switch (r.type()) {
            case StateRecords.OPENING -> {
                byte[][] h = StateRecords.opening(r.payload()).hashes();
                for (int i = 0; i < h.length; i++) {
                    hashes.announcePeer(i, h[i]);
                }
            }
            case StateRecords.SIGNED -> {
                SignedState s = StateRecords.signedState(r.payload());
                if (s.state().nonce() > 0) {
                    hashes.announcePeer(s.state().nonce() + HashWindow.AHEAD, StateRecords.signedHashAhead(r.payload()));
                }
                latest = s;
                peerRevocations.track(s.state());
            }
            case StateRecords.SECRET -> {
                peerRevocations.replay(StateRecords.secretNonce(r.payload()), StateRecords.secretValue(r.payload()));
            }
            default -> throw new StateFileCorruptException("unknown record type " + r.type());
        }
    }

    private void adopt(ChannelState s, byte[] mine, byte[] theirs, byte[] peerHashAhead) {
        boolean a = config.me() == Party.A;
        latest = new SignedState(s, a ? mine : theirs, a ? theirs : mine);
        peerRevocations.track(s);
        store.append(StateRecords.SIGNED, StateRecords.signed(latest, peerHashAhead));
    }

    private ChannelState build(long n, long balanceA, long balanceB) {
        byte[] own = hashes.ownHash(n);
        byte[] theirs = hashes.peerHash(n);
        boolean a = config.me() == Party.A;
        return new ChannelState(config.channelId(), n, balanceA, balanceB, a ? own : theirs, a ? theirs : own);
    }

    private void requirePeerSignature(ChannelState s, byte[] signature) {
        if (!peer.verify(s.bytes(), signature)) {
            throw new ChannelProtocolException("bad_signature", "counterparty signature on state " + s.nonce() + " is invalid");
        }
    }

    private void requireIdle() {
        UpdateChecks.requireIdle(outstanding.isEmpty());
    }

    private SignedState requireOpen() {
        if (latest == null) {
            throw new ChannelProtocolException("state_conflict", "channel is not open yet");
        }
        return latest;
    }
}
