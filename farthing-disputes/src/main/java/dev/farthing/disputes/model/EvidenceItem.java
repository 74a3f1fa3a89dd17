package dev.farthing.disputes.model;

import java.util.Objects;

/**
 * Evidence a party submitted: a kind ({@code receipt}, {@code screenshot}, {@code statement}, {@code delivery_log},
 * {@code police_report}, ...), what it shows, and an optional reference to where the platform keeps the file.
 * {@code at} is ledger time in ns.
 */
public record EvidenceItem(Party party, String kind, String description, String ref, long at) {
    public static final int MAX_KIND = 64;
    public static final int MAX_TEXT = 2000;

    public EvidenceItem {
        Objects.requireNonNull(party, "party");
        if (kind == null || kind.isEmpty() || kind.length() > MAX_KIND) {
            throw new DisputeException(DisputeError.INVALID, "evidence kind must be 1.." + MAX_KIND + " characters");
        }
        if (description != null && description.length() > MAX_TEXT) {
            throw new DisputeException(DisputeError.INVALID, "evidence description must be at most " + MAX_TEXT + " characters");
        }
        if (ref != null && ref.length() > 512) {
            throw new DisputeException(DisputeError.INVALID, "evidence ref must be at most 512 characters");
        }
    }

    /** Kinds that speak to delivery or authorisation when the respondent submits them. */
    public boolean compelling() {
        return party == Party.RESPONDENT && switch (kind) {
            case "delivery_log", "usage_log", "signed_receipt", "customer_communication" -> true;
            default -> false;
        };
    }

    /** Kinds that back a claimant's claim of fraud. */
    public boolean fraudReport() {
        return party == Party.CLAIMANT && (kind.equals("police_report") || kind.equals("bank_fraud_report"));
    }
}
