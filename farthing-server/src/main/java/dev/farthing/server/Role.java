package dev.farthing.server;

import java.util.Locale;

/** What an API key may do: admin everything, operator moves money and reads, auditor only reads. */
public enum Role {
    ADMIN, OPERATOR, AUDITOR;

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
        throw new IllegalArgumentException("unknown role: " + wire + " (expected admin, operator or auditor)");
    }

    /** True when a key with this role may act with {@code needed}. */
    public boolean allows(Role needed) {
        return switch (this) {
            case ADMIN -> true;
            case OPERATOR -> needed != ADMIN;
            case AUDITOR -> needed == AUDITOR;
        };
    }
}
