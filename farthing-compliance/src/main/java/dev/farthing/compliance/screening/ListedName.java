package dev.farthing.compliance.screening;

import java.util.Objects;

/**
 * One name an entry is listed under: its primary name or an alias. A weak alias (OFAC "f.k.a."/weak a.k.a.,
 * UN quality "Low") is still searched but counts for less, because lists mark those as unreliable identifiers.
 */
public record ListedName(String text, boolean primary, boolean weak) {
    public ListedName {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) throw new IllegalArgumentException("a listed name is not blank");
    }
}
