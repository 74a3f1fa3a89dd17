package dev.farthing.risk.dataset;

import dev.farthing.contracts.payment.PaymentRequest;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One labelled payment of a dataset: when it happened (epoch ns), the request as a client sent it, the ground
 * truth, the scenario that produced it ({@link #SCENARIOS} for simulated traffic) and, for attacks, the
 * campaign it belongs to ({@code bot-3}); the campaign is null for legitimate traffic.
 */
public record PaymentRecord(long atNanos, PaymentRequest payment, Label label, String scenario, String campaign) {

    public static final String LEGIT = "legit";
    /** The scenarios the simulator produces, legitimate traffic first. */
    public static final List<String> SCENARIOS = List.of(LEGIT, "bot", "account_farm", "velocity", "view_bot",
            "card_testing", "mule_ring", "account_takeover");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern CAMPAIGN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public PaymentRecord {
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(scenario, "scenario");
        if (!NAME.matcher(scenario).matches()) {
            throw new IllegalArgumentException("scenario must be snake_case (" + NAME + "): " + scenario);
        }
        if (campaign != null && !CAMPAIGN.matcher(campaign).matches()) {
            throw new IllegalArgumentException("campaign must be 1..64 of A-Z a-z 0-9 . _ : -: " + campaign);
        }
        if (label == Label.LEGIT && campaign != null) {
            throw new IllegalArgumentException("a legit record has no campaign: " + campaign);
        }
    }

    public boolean fraud() {
        return label == Label.FRAUD;
    }
}
