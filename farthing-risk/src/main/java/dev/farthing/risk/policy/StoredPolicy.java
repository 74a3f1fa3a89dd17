package dev.farthing.risk.policy;

/** One version in a {@link PolicyStore}: the order it was stored in (1, 2, ...), its version and name. */
public record StoredPolicy(int sequence, String version, String name, boolean active) {
}
