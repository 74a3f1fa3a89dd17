package dev.farthing.risk.review;

import java.util.Locale;

/** Where a label came from: a card-network chargeback, a customer dispute, or a human review. */
public enum LabelSource {
    CHARGEBACK, DISPUTE, REVIEW;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code chargeback|dispute|review}; null for anything else. */
    public static LabelSource parse(String wire) {
        return switch (wire) {
            case "chargeback" -> CHARGEBACK;
            case "dispute" -> DISPUTE;
            case "review" -> REVIEW;
            default -> null;
        };
    }
}
