package dev.farthing.ledger.model;

import java.util.List;

/**
 * The reserved system namespace: account ids starting {@code sys.} or {@code channels.} (any letter case)
 * belong to engine modules (escrow, platform fee, FX, adjustments, payouts in flight). Only a module's
 * system handle ({@code Ledger.system}) may create or move them, and only those under its own prefix:
 * {@code channels.} for the channel service, {@code sys.<module>.} for any other module.
 */
public final class SystemAccounts {
    public static final List<String> RESERVED_PREFIXES = List.of("sys.", "channels.");
    /** The payment-channel service; its prefix is {@code channels.} (the name it used before the namespace). */
    public static final String CHANNELS = "channels";
    private static final int MAX_MODULE_LENGTH = 32;

    private SystemAccounts() {
    }

    /** Allocation-free: is {@code id} in the reserved namespace? Case-insensitive, so no look-alike slips by. */
    public static boolean isReserved(String id) {
        return id.regionMatches(true, 0, "sys.", 0, 4) || id.regionMatches(true, 0, "channels.", 0, 9);
    }

    /** The id prefix module {@code module} owns; modules are 1..32 of {@code [a-z0-9_]}, starting with a letter. */
    public static String prefixOf(String module) {
        if (module == null || module.isEmpty() || module.length() > MAX_MODULE_LENGTH || module.equals("sys")
                || module.charAt(0) < 'a' || module.charAt(0) > 'z') {
            throw new IllegalArgumentException("module name must be 1.." + MAX_MODULE_LENGTH
                    + " of [a-z0-9_] starting with a letter (and not 'sys'): " + module);
        }
        for (int i = 0; i < module.length(); i++) {
            char c = module.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
                throw new IllegalArgumentException("module name may only contain [a-z0-9_]: " + module);
            }
        }
        return module.equals(CHANNELS) ? "channels." : "sys." + module + ".";
    }
}
