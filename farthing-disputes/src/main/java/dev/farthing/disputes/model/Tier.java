package dev.farthing.disputes.model;

/** Escalation tiers: L1 a reviewer, L2 a senior reviewer, L3 external arbitration (exported as JSON). */
public enum Tier {
    L1, L2, L3;

    public String wire() {
        return name();
    }

    public Tier next() {
        return this == L1 ? L2 : L3;
    }
}
