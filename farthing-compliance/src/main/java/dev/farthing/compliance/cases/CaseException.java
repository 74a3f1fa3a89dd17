package dev.farthing.compliance.cases;

/** A case command that cannot be carried out; {@code code} is stable (not_found, invalid_transition, four_eyes, ...). */
public final class CaseException extends RuntimeException {
    private final String code;

    public CaseException(String code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public String code() { return code; }
}
