package dev.farthing.channels;

import dev.farthing.ledger.api.SystemLedger;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.Currency;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Moves channel money through the ledger. One escrow account per currency ({@code channels.escrow.<CUR>},
 * kind escrow, no overdraft) holds every channel's locked funds; each channel's share is its
 * {@link Channel#locked()}, so conservation is one comparison per currency: escrow balance == sum of locked.
 * (One account per channel would put millions of accounts in the ledger for short-lived channels and buys
 * nothing: the ledger already has a single writer.) An operation's moves commit atomically or not at all.
 * Every call goes through the service's {@link SystemLedger}: escrow is in the reserved namespace, which clients
 * cannot touch. An escrow account a client made before that ({@link SystemLedger#clientMadeAccounts()}) is never
 * used: channels in its currency are refused.
 */
final class LedgerMoves {
    private static final long TIMEOUT_S = 30;
    private final SystemLedger ledger;
    private final java.util.Set<String> escrowReady = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> clientMade;

    LedgerMoves(SystemLedger ledger) {
        this.ledger = ledger;
        this.clientMade = java.util.Set.copyOf(ledger.clientMadeAccounts());
    }

    /** Is the currency's escrow account one a client made (so channels in it are refused)? */
    boolean escrowUnusable(String currency) {
        return clientMade.contains(escrowAccount(currency));
    }

    static String escrowAccount(String currency) {
        return "channels.escrow." + currency;
    }

    /**
     * Opens the currency's escrow account before its first channel (idempotent; remembered once it exists).
     * Lazily, so that a service on a ledger that cannot take work yet still starts and reports it.
     */
    void ensureEscrow(String currency) {
        if (escrowReady.contains(currency)) {
            return;
        }
        if (escrowUnusable(currency)) {
            throw ChannelException.ledger(ErrorCode.SYSTEM_ACCOUNT, "channels in " + currency + " are refused: the"
                    + " escrow account " + escrowAccount(currency) + " was created by a client, not by the channel"
                    + " service, so its terms (kind, overdraft) cannot be trusted; an operator must retire it");
        }
        Outcome<AccountView> o = await(ledger.createAccount(new NewAccount(escrowAccount(currency), currency,
                AccountKind.ESCROW, true, 0, Map.of("purpose", "payment channel escrow"))));
        if (!o.isOk()) {
            throw ChannelException.ledger(o.error(), "cannot open the channel escrow account for " + currency
                    + ": " + o.detail());
        }
        escrowReady.add(currency);
    }

    /**
     * The escrow account's balance; 0 when the currency never had a channel (no account yet), or when its
     * account is client-made: that is not the service's escrow, whatever it holds.
     */
    long escrowBalance(String currency) {
        if (escrowUnusable(currency)) {
            return 0;
        }
        Outcome<AccountView> o = await(ledger.lookupAccount(escrowAccount(currency)));
        if (!o.isOk() && o.error() == ErrorCode.NOT_FOUND) {
            return 0;
        }
        return o.orThrow().balance();
    }

    /** Applies the moves atomically; throws the ledger's refusal as a {@link ChannelException}. */
    void apply(Channel channel, List<Move> moves) {
        if (moves.isEmpty()) {
            return;
        }
        String currency = channel.terms().currency();
        Map<String, String> meta = Map.of("channel", channel.terms().idHex());
        List<NewTransfer> transfers = new ArrayList<>(moves.size());
        for (Move m : moves) {
            transfers.add(new NewTransfer(m.id(), m.debit(), m.credit(), m.amount(), currency, m.code(), null, meta, 0));
        }
        List<Outcome<TransferView>> outcomes = await(ledger.createTransfers(transfers, true));
        for (Outcome<TransferView> o : outcomes) {
            if (!o.isOk() && o.error() != ErrorCode.LINKED_TRANSFER_FAILED) {
                throw ChannelException.ledger(o.error(), "the ledger refused the channel transfer: " + o.detail());
            }
        }
        for (Outcome<TransferView> o : outcomes) {
            if (!o.isOk()) {
                throw ChannelException.ledger(o.error(), "the ledger refused the channel transfer: " + o.detail());
            }
        }
    }

    java.util.List<String> currencies() {
        return ledger.currencies().stream().map(Currency::code).toList();
    }

    long now() {
        return ledger.now();
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new ChannelException(ChannelError.UNAVAILABLE, "the ledger failed: " + e.getCause());
        } catch (TimeoutException e) {
            throw new ChannelException(ChannelError.UNAVAILABLE, "the ledger did not answer within " + TIMEOUT_S + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException(ChannelError.UNAVAILABLE, "interrupted waiting for the ledger");
        }
    }
}
