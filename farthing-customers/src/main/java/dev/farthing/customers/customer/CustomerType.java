package dev.farthing.customers.customer;

import java.util.Locale;

/** Who a customer is: a natural person or an organisation (legal person). */
public enum CustomerType {
    PERSON, ORGANIZATION;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The wire form, exactly ({@code person}, {@code organization}); null when it is neither. */
    public static CustomerType fromWire(String wire) {
        for (CustomerType t : values()) {
            if (t.wire().equals(wire)) {
                return t;
            }
        }
        return null;
    }
}
