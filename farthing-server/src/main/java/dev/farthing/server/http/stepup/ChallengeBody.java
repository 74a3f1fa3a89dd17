package dev.farthing.server.http.stepup;

import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.JsonIn;

import java.util.Base64;

/**
 * The body of {@code POST /v1/payments/{id}/challenge}: a proof ({@code webauthn} assertion or one-time
 * {@code code}), or {@code {"passed": false}} when the payer failed or abandoned the step-up (that releases the
 * hold back to the payer and needs no proof). {@code {"passed": true}} alone proves nothing.
 */
public record ChallengeBody(Boolean passed, AssertionVerifier.Assertion webauthn, String code) {

    public boolean hasProof() {
        return webauthn != null || code != null;
    }

    public static ChallengeBody read(JsonIn in) {
        in.startObject("");
        Boolean passed = null;
        AssertionVerifier.Assertion assertion = null;
        String code = null;
        String f;
        while ((f = in.nextField()) != null) {
            switch (f) {
                case "passed" -> passed = in.bool(f);
                case "code" -> code = in.string(f);
                case "webauthn" -> assertion = readAssertion(in);
                default -> throw in.unknownField(f);
            }
        }
        if (passed == null && assertion == null && code == null) {
            throw in.invalid("webauthn", "or code is required (or passed: false to release the hold)");
        }
        if (Boolean.FALSE.equals(passed) && (assertion != null || code != null)) {
            throw in.invalid("passed", "false comes without a proof");
        }
        if (assertion != null && code != null) {
            throw in.invalid("code", "and webauthn are alternatives: send one");
        }
        return new ChallengeBody(passed, assertion, code);
    }

    private static AssertionVerifier.Assertion readAssertion(JsonIn in) {
        in.startObject("webauthn");
        String old = in.enter("webauthn");
        byte[] id = null;
        byte[] authData = null;
        byte[] clientData = null;
        byte[] signature = null;
        String f;
        while ((f = in.nextField()) != null) {
            switch (f) {
                case "credential_id" -> id = base64url(in, f);
                case "authenticator_data" -> authData = base64url(in, f);
                case "client_data_json" -> clientData = base64url(in, f);
                case "signature" -> signature = base64url(in, f);
                default -> throw in.unknownField(f);
            }
        }
        for (var required : new Object[][] {{id, "credential_id"}, {authData, "authenticator_data"},
                {clientData, "client_data_json"}, {signature, "signature"}}) {
            if (required[0] == null) {
                throw in.invalid((String) required[1], "is required (base64url)");
            }
        }
        in.enter(old);
        return new AssertionVerifier.Assertion(id, authData, clientData, signature);
    }

    static byte[] base64url(JsonIn in, String field) {
        return base64url(in, field, 4096);
    }

    static byte[] base64url(JsonIn in, String field, int maxBytes) {
        String s = in.string(field);
        try {
            byte[] b = Base64.getUrlDecoder().decode(s);
            if (b.length == 0 || b.length > maxBytes) {
                throw in.invalid(field, "must be 1.." + maxBytes + " bytes");
            }
            return b;
        } catch (IllegalArgumentException e) {
            throw in.invalid(field, "must be base64url");
        }
    }

    static ApiException refused(int status, String code, String detail) {
        return new ApiException(status, code, detail);
    }
}
