package dev.farthing.server;

import java.util.Locale;

/**
 * What an API key may do: admin everything, operator moves money and reads, auditor only reads, compliance reads
 * (with personal data, each read recorded with who and why) and verifies customers, but moves no money; reviewer
 * works the queues (reviews, disputes) and reads, and moves no money otherwise.
 */
public enum Role {
    ADMIN, OPERATOR, AUDITOR, COMPLIANCE, REVIEWER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire form (case-insensitive); throws IllegalArgumentException for anything else. */
    public static Role fromWire(String wire) {
        if (wire != null) {
            for (Role r : values()) {
                if (r.wire().equalsIgnoreCase(wire.trim())) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("unknown role: " + wire + " (expected admin, operator, auditor, compliance or reviewer)");
    }

    /** True when a key with this role may act with {@code needed}. */
    public boolean allows(Role needed) {
        return switch (this) {
            case ADMIN -> true;
            case OPERATOR -> needed == OPERATOR || needed == AUDITOR;
            case AUDITOR -> needed == AUDITOR;
            case COMPLIANCE -> needed == COMPLIANCE || needed == AUDITOR;
            case REVIEWER -> needed == REVIEWER || needed == AUDITOR;
        };
    }
}
