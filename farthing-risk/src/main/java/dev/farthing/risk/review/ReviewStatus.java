package dev.farthing.risk.review;

import java.util.Locale;

/** A review item is open until a reviewer approves or declines it, or its hold expires. */
public enum ReviewStatus {
    OPEN, APPROVED, DECLINED, EXPIRED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire form; null for anything else. */
    public static ReviewStatus parse(String wire) {
        for (ReviewStatus s : values()) {
            if (s.wire().equals(wire)) {
                return s;
            }
        }
        return null;
    }
}
