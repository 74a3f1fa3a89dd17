package dev.farthing.customers.kyc;

import java.util.Map;

/** One tier of a profile (0 anonymous, 1 basic, 2 verified, 3 enhanced due diligence) and its caps per currency. */
public record TierLimits(int tier, String name, Map<String, Caps> caps) {
    public TierLimits {
        caps = Map.copyOf(caps);
    }
}
