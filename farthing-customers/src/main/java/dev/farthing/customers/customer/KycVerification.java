package dev.farthing.customers.customer;

/**
 * One KYC verification: the tier granted, an opaque reference to the evidence held by the verification
 * provider (never the document itself), who verified, when (ledger time, ns) and under which profile version.
 */
public record KycVerification(int tier, String evidenceRef, String verifiedBy, long verifiedAt, String jurisdiction,
                              String profileVersion) {
}
