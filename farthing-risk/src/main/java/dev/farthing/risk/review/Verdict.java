package dev.farthing.risk.review;

import java.util.Locale;

/** A reviewer's decision on a held payment: approve posts the holds, decline voids them. */
public enum Verdict {
    APPROVE, DECLINE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code approve|decline}; null for anything else. */
    public static Verdict parse(String wire) {
        return switch (wire) {
            case "approve" -> APPROVE;
            case "decline" -> DECLINE;
            default -> null;
        };
    }
}
