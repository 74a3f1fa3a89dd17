package dev.farthing.risk.review;

import java.util.Locale;

/** Ground truth for a payment, used to train and evaluate models. */
public enum FraudLabel {
    FRAUD, LEGIT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code fraud|legit}; null for anything else. */
    public static FraudLabel parse(String wire) {
        return switch (wire) {
            case "fraud" -> FRAUD;
            case "legit" -> LEGIT;
            default -> null;
        };
    }
}
