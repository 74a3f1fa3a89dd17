package dev.farthing.server.http.risk;

import java.util.Objects;

/**
 * An optional signal of a payment body that was not used: malformed, out of range or unknown. {@code field} is
 * its dotted path ({@code context.telemetry.keystroke_intervals_ms[3]}); {@code problem} says what was wrong
 * with it, in the words a refusal would use ({@code must be a number within 0..1}).
 * The payment is decided without it.
 */
record InputWarning(String field, String problem) {
    InputWarning {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(problem, "problem");
    }
}
