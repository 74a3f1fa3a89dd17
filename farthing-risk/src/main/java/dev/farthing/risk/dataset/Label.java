package dev.farthing.risk.dataset;

import java.util.Locale;

/** Ground truth for one payment; written as {@code "fraud"} or {@code "legit"}. */
public enum Label {
    FRAUD, LEGIT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The label named by {@code wire}; {@link IllegalArgumentException} for anything but fraud/legit. */
    public static Label fromWire(String wire) {
        return switch (wire) {
            case "fraud" -> FRAUD;
            case "legit" -> LEGIT;
            default -> throw new IllegalArgumentException("label must be \"fraud\" or \"legit\": " + wire);
        };
    }
}
