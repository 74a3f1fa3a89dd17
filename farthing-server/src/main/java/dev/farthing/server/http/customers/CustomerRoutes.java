package dev.farthing.server.http.customers;

import dev.farthing.customers.customer.Customer;
import dev.farthing.customers.customer.CustomerException;
import dev.farthing.customers.customer.NewCustomer;
import dev.farthing.customers.customer.PersonalData;
import dev.farthing.customers.erasure.ErasureResult;
import dev.farthing.customers.service.Access;
import dev.farthing.customers.service.CustomerService;
import dev.farthing.server.Role;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Auth;
import dev.farthing.server.http.Body;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.JsonIn;
import dev.farthing.server.http.Replies;
import dev.farthing.server.http.audit.AuditTrail;
import dev.farthing.server.http.Route;
import dev.farthing.server.keys.KeyRegistry.Principal;
import io.javalin.http.Context;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * {@code /v1/customers}: register, read (pseudonymous for everyone; with personal data for a compliance or
 * admin key that says why in {@code X-Farthing-Reason}, each such read recorded with key and reason), verify KYC.
 */
final class CustomerRoutes {
    static final String REASON_HEADER = "X-Farthing-Reason";
    private static final int MAX_BODY = 16 * 1024;
    private final CustomerService service;
    private final CustomerScreening screening;
    private final AuditTrail trail;

    CustomerRoutes(CustomerService service, CustomerScreening screening, AuditTrail trail) {
        this.service = service;
        this.screening = screening;
        this.trail = trail;
    }

    List<Route> routes() {
        return List.of(
                Route.post("/v1/customers", Role.OPERATOR, this::create),
                Route.get("/v1/customers/{id}", Role.AUDITOR, this::lookup),
                Route.post("/v1/customers/{id}/kyc", Role.COMPLIANCE, this::kyc),
                Route.get("/v1/customers/{id}/personal-data", Role.COMPLIANCE, this::subjectAccess),
                new Route(io.javalin.http.HandlerType.DELETE, "/v1/customers/{id}/personal-data", Role.COMPLIANCE, this::erase),
                new ScreeningVerdicts(service, screening, trail).route());
    }

    /** The reason a compliance action gives, required: it goes into the audit trail with the key id. */
    private static String reason(Context ctx) {
        String reason = ctx.header(REASON_HEADER);
        if (reason == null || reason.isBlank() || reason.length() > 256) {
            throw ApiException.invalid(REASON_HEADER + " is required: say why, in 1..256 characters");
        }
        return reason;
    }

    /** Subject access (GDPR Art. 15): everything held about the person, decrypted; the read is audited first. */
    private void subjectAccess(Context ctx) {
        String id = Replies.idParam(ctx, "customer id");
        Customer c = service.get(id).orElseThrow(() -> new ApiException(404, "customer_not_found", "no customer " + id));
        Principal who = Auth.principal(ctx);
        Optional<PersonalData> read = call(service.personalData(id, new Access(who.keyId(), who.role().wire(), reason(ctx))));
        Customer now = service.get(id).orElse(c);
        trail.record(ctx, "personal_data.read", CustomerAudit.subject(id), null, null);
        Replies.json(ctx, 200, CustomerJson.subjectAccess(now, read.orElse(null)));
    }

    /**
     * Erasure (GDPR Art. 17): crypto-shreds the subject's data key, or keeps what the law requires and says what,
     * why and until when; the reply carries the signed certificate.
     */
    private void erase(Context ctx) {
        String id = Replies.idParam(ctx, "customer id");
        Principal who = Auth.principal(ctx);
        String before = CustomerAudit.state(service.get(id).orElse(null));
        ErasureResult r = call(service.erase(id, who.keyId(), reason(ctx)));
        trail.record(ctx, "personal_data.erased", CustomerAudit.subject(id), before,
                CustomerAudit.state(service.get(id).orElse(null)));
        Replies.json(ctx, 200, CustomerJson.erasure(r, service.erasureCertificateKey()));
    }

    private void create(Context ctx) {
        NewCustomer c = JsonIn.read(Body.read(ctx, MAX_BODY), CustomerJson::readNew);
        Customer made = call(service.create(c));
        trail.record(ctx, "customer.created", CustomerAudit.subject(made.id()), null, CustomerAudit.state(made));
        // screened after it exists: a potential match is recorded for compliance, never a reason to refuse creation
        Optional<ScreeningBook.Screen> screen;
        try {
            screen = screening.screenNew(made, c.personal());
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(CustomerRoutes.class).error("screening new customer {} failed; the next list update re-screens it", made.id(), e);
            screen = Optional.empty();
        }
        Replies.json(ctx, 201, CustomerJson.customer(made, null, screeningOf(ctx, made.id(), screen)));
    }

    private void lookup(Context ctx) {
        String id = Replies.idParam(ctx, "customer id");
        Customer c = service.get(id).orElseThrow(() -> new ApiException(404, "customer_not_found", "no customer " + id));
        Principal who = Auth.principal(ctx);
        String reason = ctx.header(REASON_HEADER);
        PersonalData personal = null;
        if (reason != null && (who.role() == Role.COMPLIANCE || who.role() == Role.ADMIN)) {
            if (reason.isBlank() || reason.length() > 256) {
                throw ApiException.invalid(REASON_HEADER + " must say why, in 1..256 characters");
            }
            Optional<PersonalData> read = call(service.personalData(id, new Access(who.keyId(), who.role().wire(), reason)));
            personal = read.orElse(null);
            trail.record(ctx, "personal_data.read", CustomerAudit.subject(id), null, null);
        } else if (reason != null) {
            throw new ApiException(403, "forbidden", "personal data needs a key with role compliance or admin; role "
                    + who.role().wire() + " sees pseudonymous fields only");
        }
        Replies.json(ctx, 200, CustomerJson.customer(c, personal, screeningOf(ctx, id, screening.book().screen(id))));
    }

    /** Pseudonymous roles see the screening status only; compliance and admin see the hits and verdicts. */
    private Json.Writer screeningOf(Context ctx, String id, Optional<ScreeningBook.Screen> screen) {
        Role role = Auth.principal(ctx).role();
        boolean privileged = role == Role.COMPLIANCE || role == Role.ADMIN;
        return ScreeningVerdicts.writer(screen, privileged ? screening.book().verdicts(id) : java.util.Map.of(), privileged);
    }

    private void kyc(Context ctx) {
        String id = Replies.idParam(ctx, "customer id");
        CustomerJson.Kyc k = JsonIn.read(Body.read(ctx, 4096), CustomerJson::readKyc);
        String before = CustomerAudit.state(service.get(id).orElse(null));
        Customer c = call(service.verify(id, k.tier(), k.evidenceRef(), k.verifiedBy()));
        trail.record(ctx, "kyc.decided", CustomerAudit.subject(id), before, CustomerAudit.state(c));
        Replies.json(ctx, 200, CustomerJson.customer(c, null));
    }

    /** Waits for the service; its refusals become problems with their own code and status. */
    static <T> T call(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return KycGate.awaitOrThrow(f);
        } catch (CustomerException e) {
            throw new ApiException(CustomerProblems.statusOf(e), e.error().code(),
                    e.field() == null ? e.detail() : e.field() + ": " + e.detail());
        }
    }
}
