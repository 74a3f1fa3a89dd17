package dev.farthing.audit;

/** The trail does not re-prove: opening refuses to append to a broken chain. Says which record is bad. */
public final class AuditChainException extends RuntimeException {
    private final transient AuditVerification verification;

    public AuditChainException(AuditVerification verification) {
        super(verification.verdict());
        this.verification = verification;
    }

    public AuditVerification verification() {
        return verification;
    }
}
