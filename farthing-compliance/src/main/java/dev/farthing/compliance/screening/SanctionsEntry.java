package dev.farthing.compliance.screening;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One listed party, as a loader read it. Countries are ISO 3166 alpha-2 codes ({@link Countries}); names the
 * loader could not map to a code are kept in {@code remarks} rather than guessed.
 *
 * @param entityId     the list's own id, prefixed by list: "ofac_sdn:36", "un:6907993"
 * @param names        primary name first, then aliases
 * @param nationalities nationality or citizenship codes
 * @param countries    address and place-of-birth country codes (weaker evidence than nationality)
 * @param documents    passport and id numbers as "type number (country)"
 */
public record SanctionsEntry(String entityId, ListSource list, EntityType type, List<ListedName> names,
                             List<BirthDate> birthDates, List<String> birthPlaces, Set<String> nationalities,
                             Set<String> countries, List<String> documents, List<String> programs) {
    public SanctionsEntry {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(type, "type");
        if (names.isEmpty() || !names.getFirst().primary()) {
            throw new IllegalArgumentException(entityId + ": the primary name comes first");
        }
        names = List.copyOf(names);
        birthDates = List.copyOf(birthDates);
        birthPlaces = List.copyOf(birthPlaces);
        nationalities = Set.copyOf(nationalities);
        countries = Set.copyOf(countries);
        documents = List.copyOf(documents);
        programs = List.copyOf(programs);
    }

    public String primaryName() { return names.getFirst().text(); }
}
