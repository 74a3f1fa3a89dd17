package dev.farthing.disputes.model;

/** Evidence as a party submits it; stamped with ledger time it becomes an {@link EvidenceItem}. */
public record NewEvidence(Party party, String kind, String description, String ref) {
    public NewEvidence {
        new EvidenceItem(party, kind, description, ref, 0); // same checks
    }

    public EvidenceItem at(long nanos) {
        return new EvidenceItem(party, kind, description, ref, nanos);
    }
}
