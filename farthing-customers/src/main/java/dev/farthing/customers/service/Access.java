package dev.farthing.customers.service;

import java.util.Objects;

/** Who reads personal data, with which role, and why: every read is recorded in the customer log with these. */
public record Access(String who, String role, String reason) {
    public Access {
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(role, "role");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a read of personal data needs a reason");
        }
    }
}
