package dev.farthing.risk.policy;

import java.util.Locale;

/**
 * What a policy decides for a payment, in increasing severity: the most severe matched rule wins. The
 * declaration order is the severity order, so {@link #compareTo} and {@link #max} rank actions.
 */
public enum Action {
    /** Post the payment. */
    APPROVE("approve", "approved"),
    /** Hold the money and ask the client for a step-up (biometric, OTP); post or void on the outcome. */
    CHALLENGE("challenge", "challenged"),
    /** Hold the money and queue the payment for a human. */
    REVIEW("review", "held_for_review"),
    /** Move nothing. */
    DECLINE("decline", "declined");

    private final String keyword;
    private final String wire;

    Action(String keyword, String wire) {
        this.keyword = keyword;
        this.wire = wire;
    }

    /** The word a policy file uses after {@code =>}: approve, challenge, review, decline. */
    public String keyword() {
        return keyword;
    }

    /** The API's {@code decision} value: approved, challenged, held_for_review, declined. */
    public String wire() {
        return wire;
    }

    /** The more severe of the two. */
    public Action max(Action other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** The action a policy keyword names; IllegalArgumentException for anything else. */
    public static Action fromKeyword(String keyword) {
        for (Action a : values()) {
            if (a.keyword.equals(keyword)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown action '" + keyword + "' (expected approve, challenge, review"
                + " or decline)");
    }

    /** The action an API decision value names (approved, challenged, held_for_review, declined). */
    public static Action fromWire(String wire) {
        for (Action a : values()) {
            if (a.wire.equals(wire.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown decision '" + wire + "'");
    }
}
