package dev.farthing.disputes.resolve;

import dev.farthing.disputes.evidence.Gathered;
import dev.farthing.disputes.model.EvidenceItem;
import dev.farthing.disputes.model.NewDispute;

import java.util.List;

/** What a resolver sees: the claim, the amount disputed, what was gathered and the evidence submitted. */
public record Case(NewDispute request, long amount, Gathered gathered, List<EvidenceItem> evidence) {
    public Case {
        evidence = List.copyOf(evidence);
    }

    /** What the claimant paid in all (payment plus fee, or the channel's payments to the payee). */
    public long whole() {
        return Features.wholeAmount(gathered);
    }

    public boolean partialClaim() {
        return amount < whole();
    }
}
