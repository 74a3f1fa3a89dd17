package dev.farthing.channels;

import dev.farthing.channel.protocol.Arbitration;
import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.CooperativeClose;
import dev.farthing.channel.protocol.Party;
import dev.farthing.channel.protocol.PayerClose;
import dev.farthing.channel.protocol.Rotation;
import dev.farthing.channel.protocol.SignedState;
import dev.farthing.channel.protocol.Splice;
import dev.farthing.channel.protocol.DisputeRotation;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.SystemLedger;
import dev.farthing.ledger.model.SystemAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Payment channels on a {@link Ledger}: one-way (XRPL PayChan) and two-way (revocation and penalty) channels,
 * their escrow, dispute windows, rotation and 2-of-3 arbitration. Thread-safe; operations on one channel are
 * serialised, different channels proceed in parallel. Every method returns the channel after the operation
 * or throws {@link ChannelException} with a stable code. Deadlines are ledger time ({@link Ledger#now()}),
 * settled by {@link #tick()} (a daemon thread calls it every {@code tickMs} unless that is 0). It moves money only
 * through the {@code channels} {@link SystemLedger}, and registers {@link #conservation()} with the ledger's
 * continuous reconciliation, so a breach of it trips the ledger's breaker.
 */
public final class ChannelService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelService.class);
    private final SystemLedger ledger;
    private final boolean ownsLedgerHandle;
    private final dev.farthing.ledger.api.ReconciliationCheck conservationCheck = this::conservationBreach;
    private final ChannelConfig config;
    private final LedgerMoves moves;
    private final ChannelJournal journal;
    private final EventLog events;
    private final ChannelBook book;
    private final DisputeLimiter limiter;
    private final ChannelOpener opener;
    private final ChannelTicker ticker;

    private ChannelService(ChannelConfig config, SystemLedger ledger, boolean ownsLedgerHandle) {
        this.config = config;
        this.ledger = ledger;
        this.ownsLedgerHandle = ownsLedgerHandle;
        this.moves = new LedgerMoves(ledger);
        for (String id : ledger.clientMadeAccounts()) {
            LOG.warn("account {} was created by a client, not by the channel service; it is never used, and channels"
                    + " in its currency are refused until an operator retires it", id);
        }
        ChannelJournal.Recovered[] recovered = new ChannelJournal.Recovered[1];
        this.journal = ChannelJournal.open(config.dir(), config.fsync(), recovered);
        this.events = new EventLog(config.dir().resolve(ChannelStoreMigration.EVENTS), config.fsync(), EventLog.wanted(recovered[0].pending()));
        this.book = new ChannelBook(journal, events, moves, new ClosedChannels(config.dir()));
        // Closed channels leave the snapshot, so the snapshot remembers the next number: numbers name ledger
        // transfer ids and must never be reused.
        long maxNumber = recovered[0].nextNumber() - 1;
        for (Channel c : recovered[0].channels().values()) {
            book.restore(c);
            maxNumber = Math.max(maxNumber, c.terms().number());
        }
        for (ChannelJournal.Pending p : recovered[0].pending()) {
            book.recover(p);
            maxNumber = Math.max(maxNumber, p.after().terms().number());
        }
        events.recoveryDone();
        this.limiter = new DisputeLimiter(config.disputesPerSecond(), config.disputeBurst());
        this.opener = new ChannelOpener(config, maxNumber + 1);
        compact();
        this.ticker = config.tickMs() > 0 ? ChannelTicker.start(this, config.tickMs()) : null;
        ledger.addReconciliation(conservationCheck);
    }

    /**
     * Opens the service on {@code ledger}, recovering channels from {@code config.dir()}: claims the ledger's
     * {@code channels} system handle, released again by {@link #close()}.
     */
    public static ChannelService open(Ledger ledger, ChannelConfig config) {
        SystemLedger handle = ledger.system(SystemAccounts.CHANNELS);
        try {
            return new ChannelService(config, handle, true);
        } catch (RuntimeException | Error e) {
            handle.close();
            throw e;
        }
    }

    /** Opens the service on a {@code channels} system handle the caller keeps (and closes after the service). */
    public static ChannelService open(SystemLedger channelsHandle, ChannelConfig config) {
        if (!channelsHandle.module().equals(SystemAccounts.CHANNELS)) {
            throw new IllegalArgumentException("the channel service needs the channels system handle, not "
                    + channelsHandle.module());
        }
        return new ChannelService(config, channelsHandle, false);
    }

    public Channel open(OpenRequest r) {
        opener.validate(r, moves.now());
        Channel done = book.closed().read(ChannelBook.key(r.id()));
        if (done != null) {
            return opener.repeatOfClosed(done, r);
        }
        moves.ensureEscrow(r.currency());
        return book.execute(book.slotForOpen(ChannelBook.key(r.id())), current -> {
            if (current == null && book.closed().contains(ChannelBook.key(r.id()))) {
                throw new ChannelException(ChannelError.CHANNEL_EXISTS, "a channel with this id has already closed");
            }
            return opener.decide(current, r, moves.now());
        });
    }

    public Channel fund(byte[] id, long amount) {
        requirePositive(amount);
        return book.execute(slot(id), c -> OneWayRules.fund(c, amount, moves.now()));
    }

    /** Redeems a claim; {@code claimedChannel} (may be null) is the channel the payee says the claim is for. */
    public ClaimReceipt claim(byte[] id, long amount, byte[] signature, byte[] claimedChannel) {
        ChannelBook.Slot slot = slot(id);
        if (claimedChannel != null && !java.util.Arrays.equals(claimedChannel, id)) {
            throw new ChannelException(ChannelError.CHANNEL_MISMATCH, "the claim names another channel");
        }
        Channel seen = slot.current;
        OneWayRules.checkClaimAmount(seen, amount, moves.now()); // cheap checks before the signature
        if (!ClaimVerifiers.verify(slot, seen, amount, signature)) {
            throw new ChannelException(ChannelError.INVALID_SIGNATURE, "the claim signature does not verify for this channel");
        }
        long[] redeemed = new long[1];
        Channel after = book.execute(slot, c -> {
            redeemed[0] = amount - c.paid();
            return OneWayRules.claim(c, amount, moves.now());
        });
        return new ClaimReceipt(after, redeemed[0]);
    }

    /** Payee close, settling now; {@code amount} null for no final claim. */
    public Channel closeByPayee(byte[] id, Long amount, byte[] signature) {
        ChannelBook.Slot slot = slot(id);
        if (amount != null) {
            Channel seen = slot.current;
            OneWayRules.checkClaimAmount(seen, amount, moves.now());
            if (!ClaimVerifiers.verify(slot, seen, amount, signature)) {
                throw new ChannelException(ChannelError.INVALID_SIGNATURE, "the final claim signature does not verify");
            }
        }
        long finalAmount = amount == null ? -1 : amount;
        return book.execute(slot, c -> OneWayRules.closeByPayee(c, finalAmount, moves.now()));
    }

    /** Payer close (signed {@code "FPC\0" ‖ id}): starts the settle delay. */
    public Channel closeByPayer(byte[] id, byte[] signature) {
        ChannelBook.Slot slot = slot(id);
        Channel seen = slot.current;
        OneWayRules.requireKind(seen);
        if (!PayerClose.verify(id, seen.keys().signingA(), signature)) {
            throw new ChannelException(ChannelError.INVALID_SIGNATURE, "the payer close signature does not verify");
        }
        return book.execute(slot, c -> OneWayRules.closeByPayer(c, moves.now()));
    }

    public Channel closeCooperative(byte[] id, ChannelState state, byte[] sigA, byte[] sigB) {
        ChannelBook.Slot slot = slot(id);
        Channel seen = slot.current;
        TwoWayRules.requireNotClosed(seen);
        TwoWayRules.checkState(seen, state);
        if (!CooperativeClose.verify(state, seen.keys().signingA(), sigA, seen.keys().signingB(), sigB)) {
            throw StateSignatures.refusal(seen, CooperativeClose.bytes(state), sigA, sigB);
        }
        return book.execute(slot, c -> StateSignatures.sameKeys(seen, c, TwoWayRules.cooperativeClose(c, state, moves.now())));
    }

    /** Unilateral close by {@code by}: the state signed by both, the submission signed by by's dispute key. */
    public Channel closeUnilateral(byte[] id, Party by, SignedState state, byte[] submitterSignature) {
        ChannelBook.Slot slot = slot(id);
        Channel seen = slot.current;
        TwoWayRules.requireNotClosed(seen);
        TwoWayRules.checkState(seen, state.state());
        StateSignatures.verifySubmission(seen, by, state, submitterSignature);
        return book.execute(slot, c -> StateSignatures.sameKeys(seen, c, TwoWayRules.unilateralClose(c, by, state.state(), moves.now())));
    }

    /** During the window: a higher-nonce state replaces the submitted one. Rate-limited before signatures. */
    public Channel disputeWithState(byte[] id, Party by, SignedState state, byte[] submitterSignature, String submitter) {
        ChannelBook.Slot slot = slot(id);
        Channel seen = slot.current;
        TwoWayRules.checkReplacement(seen, state.state(), moves.now());
        if (!limiter.tryAcquire(seen.terms().idHex(), submitter)) {
            throw new ChannelException(ChannelError.RATE_LIMITED, "too many dispute submissions; retry shortly");
        }
        StateSignatures.verifySubmission(seen, by, state, submitterSignature);
        return book.execute(slot, c -> StateSignatures.sameKeys(seen, c, TwoWayRules.replace(c, by, state.state(), moves.now())));
    }

    /**
     * During the window: the revocation secret of the submitted state sends every unit to the honest party.
     * The proof is one SHA-256, checked before anything else; only failed submissions spend rate tokens.
     */
    public Channel disputeWithSecret(byte[] id, long nonce, byte[] secret, String submitter) {
        ChannelBook.Slot slot = slot(id);
        Channel seen = slot.current;
        TwoWayRules.requireWindowOpen(seen, moves.now());
        if (!TwoWayRules.revokes(seen, nonce, secret)) {
            boolean allowed = limiter.submitterAllowed(submitter);
            limiter.penalise(seen.terms().idHex(), submitter);
            throw allowed ? new ChannelException(ChannelError.REVOCATION_MISMATCH,
                    "the secret does not revoke the submitted state (nonce " + seen.closing().nonce() + ")")
                    : new ChannelException(ChannelError.RATE_LIMITED, "too many failed dispute submissions");
        }
        return book.execute(slot, c -> TwoWayRules.penalty(c, nonce, secret, moves.now()));
    }

    public Channel rotate(byte[] id, Rotation rotation, byte[] oldKeySignature, byte[] disputeSignature) {
        ChannelBook.Slot slot = slot(id);
        return book.execute(slot, c -> {
            TwoWayRules.requireNotClosed(c);
            Party p = rotation.party();
            if (rotation.counter() != c.keys().rotations(p) + 1) {
                throw new ChannelException(ChannelError.STALE_ROTATION,
                        "rotation counter must be " + (c.keys().rotations(p) + 1));
            }
            byte[] disputeKey = c.keys().dispute(p, c.terms());
            if (!rotation.verify(c.keys().signing(p), oldKeySignature, disputeKey, disputeSignature)) {
                throw new ChannelException(ChannelError.INVALID_SIGNATURE,
                        "a rotation needs signatures by the current signing key and the dispute key");
            }
            return TwoWayRules.rotate(c, p, rotation.newSigningKey());
        });
    }

    /**
     * Tops up and/or partly withdraws a two-way channel: {@code splice} signed by both current signing keys.
     * The ledger moves (wallet to escrow, escrow to wallet) commit atomically with the state becoming the
     * channel's funding baseline.
     */
    public Channel splice(byte[] id, Splice splice, byte[] sigA, byte[] sigB) {
        ChannelBook.Slot slot = slot(id);
        Channel seen = slot.current;
        TwoWayRules.requireNotClosed(seen);
        if (!splice.verify(seen.keys().signingA(), sigA, seen.keys().signingB(), sigB)) {
            throw StateSignatures.refusal(seen, splice.bytes(), sigA, sigB);
        }
        return book.execute(slot, c -> StateSignatures.sameKeys(seen, c, TwoWayRules.splice(c, splice)));
    }

    /**
     * Rotates one party's dispute key, signed by its current dispute key and its current signing key. The old
     * key may still submit states up to {@code rotation.oldKeyUpTo()}.
     */
    public Channel rotateDisputeKey(byte[] id, DisputeRotation rotation, byte[] oldDisputeSignature, byte[] signingSignature) {
        ChannelBook.Slot slot = slot(id);
        return book.execute(slot, c -> {
            TwoWayRules.requireNotClosed(c);
            if (!java.util.Arrays.equals(rotation.channelId(), c.terms().id())) {
                throw new ChannelException(ChannelError.CHANNEL_MISMATCH, "the rotation is for another channel");
            }
            Party p = rotation.party();
            if (rotation.counter() != c.keys().disputeRotations(p) + 1) {
                throw new ChannelException(ChannelError.STALE_ROTATION,
                        "dispute key rotation counter must be " + (c.keys().disputeRotations(p) + 1));
            }
            if (!rotation.verify(c.keys().dispute(p, c.terms()), oldDisputeSignature, c.keys().signing(p), signingSignature)) {
                throw new ChannelException(ChannelError.INVALID_SIGNATURE,
                        "a dispute key rotation needs signatures by the current dispute key and the signing key");
            }
            return TwoWayRules.rotateDispute(c, p, rotation.newDisputeKey(), rotation.oldKeyUpTo());
        });
    }

    /** Settles at {@code ruling} with signatures indexed by {@link Arbitration.Signer} (null: absent). */
    public Channel arbitrate(byte[] id, Arbitration ruling, byte[][] signatures) {
        ChannelBook.Slot slot = slot(id);
        Channel seen = slot.current;
        TwoWayRules.requireNotClosed(seen);
        byte[][] keys = {seen.keys().dispute(Party.A, seen.terms()), seen.keys().dispute(Party.B, seen.terms()),
                config.arbiterKey()};
        if (!java.util.Arrays.equals(ruling.channelId(), id)) {
            throw new ChannelException(ChannelError.CHANNEL_MISMATCH, "the ruling is for another channel");
        }
        if (!ruling.approved(keys, signatures)) {
            throw new ChannelException(ChannelError.INSUFFICIENT_SIGNATURES,
                    "a ruling needs valid signatures from two of payer, payee and arbiter"
                            + (config.arbiterKey() == null ? " (no arbiter key is configured)" : ""));
        }
        return book.execute(slot, c -> TwoWayRules.arbitrate(c, ruling.balanceA(), ruling.balanceB(), moves.now()));
    }

    /** The channel, open or closed; a closed one is read from disk (through a small cache). */
    public Optional<Channel> get(byte[] id) {
        ChannelBook.Slot slot = book.slot(ChannelBook.key(id));
        Channel c = slot == null ? null : slot.current;
        return Optional.ofNullable(c != null ? c : book.closed().read(ChannelBook.key(id)));
    }

    /** Channels open or closing, all of them in memory (closed ones live on disk only). */
    public int openChannels() {
        return book.openCount();
    }

    /** Events after {@code after} (at most {@code limit}), long-polling up to {@code waitMs} for the first. */
    public List<ChannelEvent> events(long after, int limit, long waitMs) throws InterruptedException {
        return events.read(after, limit, waitMs);
    }

    /** The ledger's time now (nanoseconds since the epoch): what every deadline and dispute window is judged by. */
    public long ledgerTime() {
        return moves.now();
    }

    public long lastEventSeq() {
        return events.lastSeq();
    }

    /** Settles every channel whose deadline has passed in ledger time; returns how many changed. */
    public int tick() {
        for (ChannelBook.Slot s : book.unresolved()) {
            try {
                book.retry(s);
            } catch (ChannelException e) {
                // still unavailable or refused (then aborted); retried or settled on the next tick
            }
        }
        int settled = 0;
        long now = book.hasDeadlines() ? moves.now() : Long.MIN_VALUE;
        for (String key : book.due(now)) {
            ChannelBook.Slot slot = book.slot(key);
            if (slot == null) {
                continue; // closed meanwhile (a stale deadline)
            }
            Channel before = slot.current;
            try {
                Channel after = book.execute(slot, c -> c.kind() == ChannelKind.ONE_WAY
                        ? OneWayRules.expire(c, now) : TwoWayRules.expire(c, now));
                settled += after != before ? 1 : 0;
            } catch (ChannelException e) {
                book.track(slot.current); // e.g. a frozen wallet refused the payout: retried on the next tick
            }
        }
        if (journal.logBytes() > config.compactLogBytes()) {
            compact();
        }
        return settled;
    }

    /** Escrow balance against the sum of locked channel funds, per currency, with operations paused. */
    public Conservation conservation() {
        book.quiesce.writeLock().lock();
        try {
            return Conservation.of(book.all(), moves::escrowBalance, moves.currencies());
        } finally {
            book.quiesce.writeLock().unlock();
        }
    }

    /**
     * The reconciliation hook: null when conservation holds in every currency whose escrow the service uses,
     * else the breach. Currencies with a client-made escrow are not used, and reported at start instead.
     */
    private String conservationBreach() {
        Conservation c = conservation();
        StringBuilder breach = new StringBuilder();
        c.byCurrency().forEach((currency, row) -> {
            if (row[0] != row[1] && !moves.escrowUnusable(currency)) {
                breach.append(breach.isEmpty() ? "" : "; ").append("escrow ").append(LedgerMoves.escrowAccount(currency))
                        .append(" holds ").append(row[0]).append(" but open channels lock ").append(row[1]);
            }
        });
        return breach.isEmpty() ? null : "payment channel conservation breach: " + breach;
    }

    /** Folds the journal into a snapshot, unless an operation is unresolved (its intent must stay replayable). */
    private void compact() {
        book.quiesce.writeLock().lock();
        try {
            if (!book.unresolved().isEmpty()) {
                return;
            }
            journal.compact(book.all(), opener.nextNumber());
        } finally {
            book.quiesce.writeLock().unlock();
        }
    }

    private ChannelBook.Slot slot(byte[] id) {
        ChannelBook.Slot slot = book.slot(ChannelBook.key(id));
        if (slot == null || slot.current == null) {
            if (book.closed().contains(ChannelBook.key(id))) {
                throw new ChannelException(ChannelError.CHANNEL_CLOSED, "the channel is closed");
            }
            throw new ChannelException(ChannelError.CHANNEL_NOT_FOUND, "no channel " + ChannelBook.key(id));
        }
        return slot;
    }

    private static void requirePositive(long amount) {
        if (amount <= 0) {
            throw ChannelException.invalid("amount must be a positive integer of minor units");
        }
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.close();
        }
        ledger.removeReconciliation(conservationCheck);
        try {
            journal.close();
            events.close();
        } finally {
            if (ownsLedgerHandle) {
                ledger.close();
            }
        }
    }
}
