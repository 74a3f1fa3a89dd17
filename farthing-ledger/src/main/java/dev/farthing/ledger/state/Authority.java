package dev.farthing.ledger.state;

import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.LedgerException;
import dev.farthing.ledger.model.SystemAccounts;

/**
 * Who issued a command: a client (every public {@code Ledger} call), or an engine module through its system
 * handle. It decides which reserved accounts ({@link SystemAccounts}) a command may name. It is not journaled:
 * the journal records effects, and replay never re-decides a command.
 */
public final class Authority {
    public static final Authority CLIENT = new Authority(null, null);
    private final String module;
    private final String prefix;

    private Authority(String module, String prefix) {
        this.module = module;
        this.prefix = prefix;
    }

    /** The authority of module {@code module}: it may name ordinary accounts and those under its own prefix. */
    public static Authority system(String module) {
        return new Authority(module, SystemAccounts.prefixOf(module));
    }

    public boolean isSystem() {
        return prefix != null;
    }

    public String module() {
        return module;
    }

    public String prefix() {
        return prefix;
    }

    /** Allocation-free when allowed. */
    boolean mayName(String accountId) {
        return !SystemAccounts.isReserved(accountId) || (prefix != null && accountId.startsWith(prefix));
    }

    /** Throws {@code system_account} unless this authority may name both accounts. */
    void requireMayName(String debit, String credit) {
        if (!mayName(debit)) {
            throw refusal(debit);
        }
        if (!mayName(credit)) {
            throw refusal(credit);
        }
    }

    LedgerException refusal(String accountId) {
        return new LedgerException(ErrorCode.SYSTEM_ACCOUNT, prefix == null
                ? "account " + accountId + " is in the reserved system namespace (sys., channels.): only the engine"
                        + " module that owns it may create or move it"
                : "account " + accountId + " is reserved for another module; module " + module + " may only use "
                        + prefix + "*");
    }

    /** A reserved account a client made (before the namespace was reserved) is never used, not even by its module. */
    static LedgerException clientMade(String accountId) {
        return new LedgerException(ErrorCode.SYSTEM_ACCOUNT, "account " + accountId + " is in the reserved system"
                + " namespace but was created by a client, not by the engine; it is not used (see farthing verify)");
    }

    @Override
    public String toString() {
        return prefix == null ? "client" : "system:" + module;
    }
}
