package dev.farthing.server.http.aml;

import dev.farthing.compliance.cases.CaseException;
import dev.farthing.server.http.ApiException;

/** Case refusals as problems: the case book's codes, namespaced for the wire, each with its status. */
final class AmlProblems {
    public static final String CASE_NOT_FOUND = "case_not_found";
    /** The case's state does not allow that decision (e.g. filing a SAR on a case not escalated). */
    public static final String CASE_INVALID_TRANSITION = "case_invalid_transition";
    /** A SAR filing must be approved by another compliance user than the one who proposed it. */
    public static final String CASE_FOUR_EYES = "case_four_eyes";
    public static final String CASE_CLOSED = "case_closed";
    /** A case opened by hand for a subject that already has an open case. */
    public static final String CASE_OPEN = "case_open";
    /** The SAR draft built from the case breaks a filing rule checked offline. */
    public static final String SAR_DRAFT_INVALID = "sar_draft_invalid";

    private AmlProblems() {
    }

    static ApiException of(CaseException e) {
        return switch (e.code()) {
            case "not_found" -> new ApiException(404, CASE_NOT_FOUND, e.getMessage());
            case "invalid_transition" -> new ApiException(409, CASE_INVALID_TRANSITION, e.getMessage());
            case "four_eyes" -> new ApiException(409, CASE_FOUR_EYES, e.getMessage());
            case "case_closed" -> new ApiException(409, CASE_CLOSED, e.getMessage());
            case "case_open" -> new ApiException(409, CASE_OPEN, e.getMessage());
            default -> ApiException.invalid(e.getMessage());
        };
    }
}
