package dev.farthing.compliance.screening;

import java.util.Objects;

/**
 * A search: a name in any script and what else is known. {@code type}, {@code birthDate} and {@code country}
 * (ISO alpha-2) may be null; they raise a score when they agree with a listing and lower it when they conflict.
 */
public record ScreeningQuery(String name, EntityType type, BirthDate birthDate, String country, int limit) {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;

    public ScreeningQuery {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("name must not be blank");
        if (name.length() > 300) throw new IllegalArgumentException("name is longer than 300 characters");
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
    }

    public static ScreeningQuery of(String name) { return new ScreeningQuery(name, null, null, null, DEFAULT_LIMIT); }
}
