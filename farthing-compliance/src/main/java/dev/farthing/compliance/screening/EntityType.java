package dev.farthing.compliance.screening;

import java.util.Locale;
import java.util.Optional;

/** What a listed or searched party is. A search of one type is scored lower against entries of another. */
public enum EntityType {
    PERSON, ORGANIZATION, VESSEL, AIRCRAFT;

    public String wireName() { return name().toLowerCase(Locale.ROOT); }

    /** Parses the API's {@code type}: person, organization, vessel or aircraft; empty for anything else. */
    public static Optional<EntityType> parse(String text) {
        if (text == null) return Optional.empty();
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "person", "individual" -> Optional.of(PERSON);
            case "organization", "organisation", "entity" -> Optional.of(ORGANIZATION);
            case "vessel" -> Optional.of(VESSEL);
            case "aircraft" -> Optional.of(AIRCRAFT);
            default -> Optional.empty();
        };
    }
}
