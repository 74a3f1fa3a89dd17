package dev.farthing.server.http.stepup;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.server.Role;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Body;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.JsonIn;
import dev.farthing.server.http.LedgerCalls;
import dev.farthing.server.http.Replies;
import dev.farthing.server.http.Route;
import dev.farthing.server.http.Times;
import dev.farthing.server.http.audit.AuditTrail;
import io.javalin.http.Context;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The WebAuthn registration ceremony for a payer's credential:
 * {@code POST /v1/accounts/{id}/webauthn-credentials/options {attestation?}} issues a challenge and the creation
 * options (W3C {@code PublicKeyCredentialCreationOptionsJSON}, for {@code PublicKeyCredential.parseCreationOptionsFromJSON});
 * {@code POST /v1/accounts/{id}/webauthn-credentials {credential_id, client_data_json, attestation_object}}
 * (base64url, as {@code navigator.credentials.create} returns them) verifies the attestation over that challenge
 * and registers the credential. Audited as {@code credential.registered}.
 */
public final class StepUpRoutes {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final StepUp stepUp;
    private final Ledger ledger;
    private final AuditTrail trail;

    public StepUpRoutes(StepUp stepUp, Ledger ledger, AuditTrail trail) {
        this.stepUp = stepUp;
        this.ledger = ledger;
        this.trail = trail;
    }

    public List<Route> routes() {
        return List.of(Route.post("/v1/accounts/{id}/webauthn-credentials/options", Role.OPERATOR, this::options),
                Route.post("/v1/accounts/{id}/webauthn-credentials", Role.OPERATOR, this::register));
    }

    private void options(Context ctx) {
        String account = Replies.idParam(ctx, "account id");
        byte[] raw = Body.read(ctx, 1024);
        String attestation = raw.length == 0 ? "none" : JsonIn.read(raw, in -> {
            in.startObject("");
            String pref = "none";
            String f;
            while ((f = in.nextField()) != null) {
                if (!f.equals("attestation")) {
                    throw in.unknownField(f);
                }
                pref = in.string(f);
                if (!pref.equals("none") && !pref.equals("direct")) {
                    throw in.invalid(f, "must be none or direct");
                }
            }
            return pref;
        });
        LedgerCalls.awaitValue(() -> ledger.lookupAccount(account)); // 404 for an account the ledger does not have
        StepUpConfig config = stepUp.config();
        WebAuthnRegistration.Options o = stepUp.registration().options(account, ledger.now(), attestation);
        Replies.json(ctx, 201, Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("account", account);
            g.writeStringField("expires_at", Times.format(o.challenge().expiresAt()));
            g.writeObjectFieldStart("public_key"); // W3C member names: the browser's JSON form of the options
            g.writeStringField("challenge", B64.encodeToString(o.challenge().challenge()));
            g.writeObjectFieldStart("rp");
            g.writeStringField("id", config.rpId());
            g.writeStringField("name", config.rpName());
            g.writeEndObject();
            g.writeObjectFieldStart("user");
            g.writeStringField("id", B64.encodeToString(o.userHandle()));
            g.writeStringField("name", account);
            g.writeStringField("displayName", account);
            g.writeEndObject();
            g.writeArrayFieldStart("pubKeyCredParams");
            g.writeStartObject();
            g.writeStringField("type", "public-key");
            g.writeNumberField("alg", -7); // ES256: the assertion path verifies P-256 keys
            g.writeEndObject();
            g.writeEndArray();
            g.writeNumberField("timeout", config.registrationTtlNanos() / 1_000_000L);
            g.writeStringField("attestation", o.attestation());
            g.writeArrayFieldStart("excludeCredentials");
            for (byte[] id : o.exclude()) {
                g.writeStartObject();
                g.writeStringField("type", "public-key");
                g.writeStringField("id", B64.encodeToString(id));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("authenticatorSelection");
            g.writeStringField("residentKey", "discouraged");
            g.writeStringField("userVerification", "preferred");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        }));
    }

    private void register(Context ctx) {
        String account = Replies.idParam(ctx, "account id");
        WebAuthnRegistration.Attestation a = JsonIn.read(Body.read(ctx, 64 * 1024), in -> {
            in.startObject("");
            byte[] id = null;
            byte[] clientData = null;
            byte[] attestation = null;
            String f;
            while ((f = in.nextField()) != null) {
                switch (f) {
                    case "credential_id" -> id = ChallengeBody.base64url(in, f, 1023);
                    case "client_data_json" -> clientData = ChallengeBody.base64url(in, f);
                    case "attestation_object" -> attestation = ChallengeBody.base64url(in, f, 32 * 1024);
                    case "public_key" -> throw in.invalid(f, "is not accepted: a credential is registered through the"
                            + " ceremony (POST .../webauthn-credentials/options, then {credential_id, client_data_json,"
                            + " attestation_object} from navigator.credentials.create)");
                    default -> throw in.unknownField(f);
                }
            }
            if (id == null || clientData == null || attestation == null) {
                throw in.invalid(id == null ? "credential_id" : clientData == null ? "client_data_json" : "attestation_object",
                        "is required (base64url)");
            }
            return new WebAuthnRegistration.Attestation(id, clientData, attestation);
        });
        LedgerCalls.awaitValue(() -> ledger.lookupAccount(account)); // 404 for an account the ledger does not have
        AttestationVerifier.Registered r = stepUp.registration().register(account, a, ledger.now());
        boolean added;
        try {
            added = stepUp.credentials().register(account, r.credentialId(), r.publicKey(), r.signCount());
        } catch (IllegalStateException e) {
            throw new ApiException(409, "id_conflict", e.getMessage());
        }
        if (!added) {
            throw new ApiException(409, "id_conflict", "this credential id is registered already");
        }
        String id = B64.encodeToString(r.credentialId());
        trail.record(ctx, "credential.registered", "account:" + account, null, AuditTrail.state(g -> {
            g.writeStartObject();
            g.writeStringField("credential_id", id);
            g.writeStringField("public_key_sha256", HexFormat.of().formatHex(Challenges.sha256(
                    Base64.getUrlEncoder().encodeToString(r.publicKey()))));
            g.writeStringField("attestation_format", r.format());
            g.writeStringField("attestation_type", r.attestationType());
            g.writeEndObject();
        }));
        Replies.json(ctx, 201, Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("account", account);
            g.writeStringField("credential_id", id);
            g.writeNumberField("credentials", stepUp.credentials().of(account).size());
            g.writeObjectFieldStart("attestation");
            g.writeStringField("format", r.format());
            g.writeStringField("type", r.attestationType());
            g.writeEndObject();
            g.writeNumberField("sign_count", r.signCount());
            g.writeEndObject();
        }));
    }
}
