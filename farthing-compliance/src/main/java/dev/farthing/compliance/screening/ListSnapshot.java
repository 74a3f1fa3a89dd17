package dev.farthing.compliance.screening;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One loaded version of the sanctions lists. {@code version} names it ("v3-1a2b3c4d5e6f": a sequence number and
 * the start of the hash); {@code sha256} is the hash of the source files it was read from, so a decision that
 * records both can be re-checked against the exact files.
 */
public record ListSnapshot(String version, String sha256, Instant loadedAt, List<LoadedList> lists) {
    public ListSnapshot {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
        lists = List.copyOf(lists);
    }

    public List<SanctionsEntry> entries() {
        return lists.stream().flatMap(l -> l.entries().stream()).toList();
    }

    public int entryCount() { return lists.stream().mapToInt(l -> l.entries().size()).sum(); }
}
