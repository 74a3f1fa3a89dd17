package dev.farthing.disputes.service;

import java.util.Objects;

/** Who decides by hand: the API key id and its role on the wire (the server admits only reviewer keys). */
public record Reviewer(String keyId, String role) {
    public Reviewer {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(role, "role");
    }
}
