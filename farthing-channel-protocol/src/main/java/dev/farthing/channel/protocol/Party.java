package dev.farthing.channel.protocol;

/** The two sides of a two-way channel: A opens it (the payer), B is the counterparty (the payee). */
public enum Party {
    A, B;

    public byte code() {
        return (byte) ordinal();
    }

    public Party other() {
        return this == A ? B : A;
    }

    /** {@code "a"} or {@code "b"} (either case); IllegalArgumentException otherwise. */
    public static Party fromWire(String s) {
        if ("a".equalsIgnoreCase(s)) {
            return A;
        }
        if ("b".equalsIgnoreCase(s)) {
            return B;
        }
        throw new IllegalArgumentException("party must be \"a\" or \"b\"");
    }

    public String wire() {
        return this == A ? "a" : "b";
    }
}
