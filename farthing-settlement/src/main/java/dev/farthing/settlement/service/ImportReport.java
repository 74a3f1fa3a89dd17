package dev.farthing.settlement.service;

import dev.farthing.settlement.recon.ReconException;
import dev.farthing.settlement.store.SettlementEvent.Line;
import dev.farthing.settlement.store.SettlementEvent.StatementReceived;

import java.util.List;

/**
 * What importing one statement did: lines settled on their own ({@code matched}, of which {@code adjusted} booked a
 * difference within tolerance), repeats of lines already reconciled, and the exceptions it raised, each explained.
 */
public record ImportReport(String statementId, String provider, int lines, int matched, int adjusted, int duplicates,
                           List<ReconException> exceptions) {

    /** What the statement's lines came to so far (the state's record of each). */
    static ImportReport of(Core core, StatementReceived s) {
        int matched = 0;
        int adjusted = 0;
        int duplicates = 0;
        java.util.Map<String, ReconException> exceptions = new java.util.LinkedHashMap<>();
        for (Line l : s.lines()) {
            String id = "rx-" + Core.shortHash(s.provider() + "|" + l.lineId());
            ReconException e = core.state.exceptions.get(id);
            if (e != null && s.statementId().equals(e.statementId())) exceptions.put(id, e);
        }
        for (var settled : core.lineResults(s.statementId())) {
            switch (settled.result()) {
                case "duplicate" -> duplicates++;
                default -> {
                    matched++;
                    if (settled.adjustmentMinor() != 0) adjusted++;
                }
            }
        }
        // a line repeated inside one statement is settled once; its repeats are duplicates too
        duplicates += s.lines().size() - (int) s.lines().stream().map(Line::lineId).distinct().count();
        return new ImportReport(s.statementId(), s.provider(), s.lines().size(), matched, adjusted, duplicates,
                List.copyOf(exceptions.values()));
    }
}
