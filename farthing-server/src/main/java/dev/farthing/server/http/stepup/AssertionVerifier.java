package dev.farthing.server.http.stepup;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verifies a WebAuthn assertion with webauthn4j: the client data is a {@code webauthn.get} over exactly the
 * nonce Farthing issued, from an allowed origin; the authenticator data's RP id hash is the configured RP id, the
 * user was present; the signature verifies with the payer's registered key; the counter grew (when the
 * authenticator keeps one).
 */
final class AssertionVerifier {
    private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager();
    private final StepUpConfig config;

    AssertionVerifier(StepUpConfig config) {
        this.config = config;
    }

    /** The assertion's fields, decoded from base64url. */
    record Assertion(byte[] credentialId, byte[] authenticatorData, byte[] clientDataJson, byte[] signature) {
    }

    /** Returns the new signature counter; throws {@link IllegalArgumentException} saying why it does not verify. */
    long verify(Assertion a, byte[] nonce, Credentials.Credential credential) {
        ECPublicKey key = publicKey(credential.publicKey);
        var record = new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null, credential.signCount,
                new AttestedCredentialData(AAGUID.ZERO, credential.id, EC2COSEKey.create(key, COSEAlgorithmIdentifier.ES256)),
                null, null, null, null);
        Set<Origin> origins = config.origins().stream().map(Origin::new).collect(Collectors.toSet());
        ServerProperty server = new ServerProperty(origins, config.rpId(), new DefaultChallenge(nonce));
        AuthenticationParameters params = new AuthenticationParameters(server, record, List.of(credential.id), false, true);
        try {
            AuthenticationData data = manager.verify(new AuthenticationRequest(a.credentialId(), a.authenticatorData(),
                    a.clientDataJson(), a.signature()), params);
            return data.getAuthenticatorData().getSignCount();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    static ECPublicKey publicKey(byte[] spki) {
        try {
            if (KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki)) instanceof ECPublicKey ec
                    && ec.getParams().getCurve().getField().getFieldSize() == 256) {
                return ec;
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // refused below
        }
        throw new IllegalArgumentException("public_key must be a P-256 public key as X.509 SubjectPublicKeyInfo (base64url)");
    }
}
