package dev.farthing.disputes.model;

/** One step in a dispute's life: from, to, when (ledger ns), who ({@code system:disputes} when automatic), why. */
public record Transition(DisputeState from, DisputeState to, long at, String actor, String note) {
}
