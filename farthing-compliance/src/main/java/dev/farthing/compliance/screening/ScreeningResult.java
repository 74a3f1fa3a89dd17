package dev.farthing.compliance.screening;

import java.util.List;

/** The hits at or above the alert threshold, best first, and the list snapshot they were decided on. */
public record ScreeningResult(String listVersion, String listHash, List<ScreeningHit> hits) {
    public ScreeningResult {
        hits = List.copyOf(hits);
    }
}
