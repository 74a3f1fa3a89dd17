package dev.farthing.server.http.stepup;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.CertificateBaseAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.attestation.statement.none.NoneAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.packed.PackedAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.NullCertPathTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.self.DefaultSelfAttestationTrustworthinessVerifier;

import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verifies a WebAuthn registration (the attestation a browser's {@code navigator.credentials.create} returns)
 * with webauthn4j: client data {@code webauthn.create} over exactly the challenge Farthing issued, an allowed
 * origin, the RP id hash, user presence, an ES256 (P-256) credential key, and the attestation statement. Formats
 * {@code none} and {@code packed} (self attestation, or an x5c chain whose signature and certificate requirements
 * are checked); any other format is refused. The chain of a {@code packed} x5c statement is not checked against
 * trust anchors: no metadata service is reachable offline, and step-up needs proof of the key, not of the make.
 */
final class AttestationVerifier {
    static final Set<String> FORMATS = Set.of("none", "packed");
    private final WebAuthnManager manager = new WebAuthnManager(
            List.of(new NoneAttestationStatementVerifier(), new PackedAttestationStatementVerifier()),
            new NullCertPathTrustworthinessVerifier(), new DefaultSelfAttestationTrustworthinessVerifier(true));
    private final StepUpConfig config;

    AttestationVerifier(StepUpConfig config) {
        this.config = config;
    }

    /** A verified credential: id, P-256 key as X.509 SubjectPublicKeyInfo, initial counter, how it was attested. */
    record Registered(byte[] credentialId, byte[] publicKey, long signCount, String format, String attestationType) {
    }

    /** Throws {@link IllegalArgumentException} saying why the attestation does not verify. */
    Registered verify(byte[] credentialId, byte[] clientDataJson, byte[] attestationObject, byte[] challenge) {
        RegistrationData data;
        try {
            data = manager.parse(new RegistrationRequest(attestationObject, clientDataJson));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot parse the attestation: " + e.getMessage(), e);
        }
        AttestationObject att = data.getAttestationObject();
        if (att == null || !FORMATS.contains(att.getFormat())) {
            throw new IllegalArgumentException("attestation format " + (att == null ? null : att.getFormat())
                    + " is not supported (supported: none, packed)");
        }
        Set<Origin> origins = config.origins().stream().map(Origin::new).collect(Collectors.toSet());
        ServerProperty server = new ServerProperty(origins, config.rpId(), new DefaultChallenge(challenge));
        List<PublicKeyCredentialParameters> algorithms = List.of(
                new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256));
        try {
            manager.verify(data, new RegistrationParameters(server, algorithms, false, true));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        AttestedCredentialData credential = att.getAuthenticatorData().getAttestedCredentialData();
        if (!Arrays.equals(credential.getCredentialId(), credentialId)) {
            throw new IllegalArgumentException("credential_id is not the id of the attested credential");
        }
        if (!(credential.getCOSEKey().getPublicKey() instanceof ECPublicKey key)) {
            throw new IllegalArgumentException("the credential key is not an EC P-256 key (ES256 only)");
        }
        byte[] spki = key.getEncoded();
        AssertionVerifier.publicKey(spki); // P-256, as the assertion path needs it
        return new Registered(credential.getCredentialId(), spki, att.getAuthenticatorData().getSignCount(),
                att.getFormat(), attestationType(att));
    }

    private static String attestationType(AttestationObject att) {
        if ("none".equals(att.getFormat())) {
            return "none";
        }
        return att.getAttestationStatement() instanceof CertificateBaseAttestationStatement c && c.getX5c() != null
                && !c.getX5c().isEmpty() ? "basic" : "self";
    }
}
