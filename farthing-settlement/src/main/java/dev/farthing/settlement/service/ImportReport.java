package dev.farthing.settlement.service;

import dev.farthing.settlement.recon.ReconException;

import java.util.List;

/**
 * What importing one statement did: lines settled on their own ({@code matched}, of which {@code adjusted} booked a
 * difference within tolerance), repeats of lines already reconciled, and the exceptions it raised, each explained.
 */
public record ImportReport(String statementId, String provider, int lines, int matched, int adjusted, int duplicates,
                           List<ReconException> exceptions) {
}
