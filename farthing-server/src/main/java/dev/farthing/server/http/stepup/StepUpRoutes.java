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
import dev.farthing.server.http.audit.AuditTrail;
import io.javalin.http.Context;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code POST /v1/accounts/{id}/webauthn-credentials {credential_id, public_key}}: registers a payer's WebAuthn
 * credential (its id and P-256 public key as the browser's {@code getPublicKey()} gives it, X.509
 * SubjectPublicKeyInfo, both base64url). Audited as {@code credential.registered}.
 */
public final class StepUpRoutes {
    private final StepUp stepUp;
    private final Ledger ledger;
    private final AuditTrail trail;

    public StepUpRoutes(StepUp stepUp, Ledger ledger, AuditTrail trail) {
        this.stepUp = stepUp;
        this.ledger = ledger;
        this.trail = trail;
    }

    public List<Route> routes() {
        return List.of(Route.post("/v1/accounts/{id}/webauthn-credentials", Role.OPERATOR, this::register));
    }

    private record Registration(byte[] credentialId, byte[] publicKey) {
    }

    private void register(Context ctx) {
        String account = Replies.idParam(ctx, "account id");
        Registration r = JsonIn.read(Body.read(ctx, 16 * 1024), in -> {
            in.startObject("");
            byte[] id = null;
            byte[] key = null;
            String f;
            while ((f = in.nextField()) != null) {
                switch (f) {
                    case "credential_id" -> id = ChallengeBody.base64url(in, f);
                    case "public_key" -> key = ChallengeBody.base64url(in, f);
                    default -> throw in.unknownField(f);
                }
            }
            if (id == null || key == null) {
                throw in.invalid(id == null ? "credential_id" : "public_key", "is required (base64url)");
            }
            return new Registration(id, key);
        });
        try {
            AssertionVerifier.publicKey(r.publicKey());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        }
        LedgerCalls.awaitValue(() -> ledger.lookupAccount(account)); // 404 for an account the ledger does not have
        boolean added;
        try {
            added = stepUp.credentials().register(account, r.credentialId(), r.publicKey());
        } catch (IllegalStateException e) {
            throw new ApiException(409, "id_conflict", e.getMessage());
        }
        if (!added) {
            throw new ApiException(409, "id_conflict", "this credential id is registered already");
        }
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(r.credentialId());
        trail.record(ctx, "credential.registered", "account:" + account, null, AuditTrail.state(g -> {
            g.writeStartObject();
            g.writeStringField("credential_id", id);
            g.writeStringField("public_key_sha256", HexFormat.of().formatHex(Challenges.sha256(
                    Base64.getUrlEncoder().encodeToString(r.publicKey()))));
            g.writeEndObject();
        }));
        Replies.json(ctx, 201, Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("account", account);
            g.writeStringField("credential_id", id);
            g.writeNumberField("credentials", stepUp.credentials().of(account).size());
            g.writeEndObject();
        }));
    }
}
