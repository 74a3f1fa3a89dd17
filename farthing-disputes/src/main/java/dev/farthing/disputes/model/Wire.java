package dev.farthing.disputes.model;

import java.util.Locale;

/** Enum wire forms: lower case names, parsed case-sensitively so {@code "WON"} is as wrong as {@code "w0n"}. */
public final class Wire {
    private Wire() {
    }

    public static String of(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String wire) {
        if (wire != null) {
            for (E e : type.getEnumConstants()) {
                if (of(e).equals(wire)) {
                    return e;
                }
            }
        }
        return null;
    }
}
