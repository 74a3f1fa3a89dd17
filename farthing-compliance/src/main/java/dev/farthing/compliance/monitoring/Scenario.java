package dev.farthing.compliance.monitoring;

import java.util.Locale;

/** The laundering patterns transaction monitoring looks for; {@link #wire()} names them in alerts and cases. */
public enum Scenario {
    /** Several movements just under a reporting threshold within a window. */
    STRUCTURING,
    /** Money in and (nearly all of it) out again within minutes. */
    RAPID_MOVEMENT,
    /** Many distinct senders into one wallet. */
    FAN_IN,
    /** One wallet paying many distinct payees. */
    FAN_OUT,
    /** Many payments out of one wallet in a short window. */
    VELOCITY,
    /** An account silent for months that suddenly moves a large amount. */
    DORMANT_REACTIVATION,
    /** Repeated movements of exact round amounts. */
    ROUND_AMOUNTS,
    /** Cash-equivalent movements over the currency transaction report threshold in one day. */
    CASH_THRESHOLD;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scenario fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
