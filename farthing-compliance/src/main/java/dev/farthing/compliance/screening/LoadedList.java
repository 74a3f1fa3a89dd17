package dev.farthing.compliance.screening;

import java.util.List;

/**
 * What a loader read from one published list, with the rows it had to skip counted, not hidden.
 *
 * @param orphanRows alias or address rows whose entry id is in no entry (OFAC's alt/add files carry some)
 * @param skippedRows rows too malformed to read (no id, no name)
 */
public record LoadedList(ListSource source, List<SanctionsEntry> entries, int orphanRows, int skippedRows) {
    public LoadedList {
        entries = List.copyOf(entries);
    }

    public int aliasCount() {
        return entries.stream().mapToInt(e -> e.names().size() - 1).sum();
    }
}
