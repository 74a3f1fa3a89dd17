package dev.farthing.server.http.aml;

import dev.farthing.compliance.cases.Case;
import dev.farthing.compliance.cases.CaseBook;
import dev.farthing.compliance.cases.CaseException;
import dev.farthing.compliance.cases.CaseState;
import dev.farthing.compliance.reports.CaseReports;
import dev.farthing.compliance.reports.SarXml;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.server.Role;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Auth;
import dev.farthing.server.http.Body;
import dev.farthing.server.http.JsonIn;
import dev.farthing.server.http.Paging;
import dev.farthing.server.http.Replies;
import dev.farthing.server.http.Route;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /v1/cases} (role compliance): list and read AML cases, open one by hand, assign, note, decide (investigate,
 * escalate, close, propose and approve a SAR filing: four eyes), and download its SAR (FinCEN SAR XML) and CTR
 * drafts. Times are ledger time; every change is in the case's audit trail and the audit sink.
 */
final class CaseRoutes {
    private static final int MAX_TEXT = 4_000;
    private final CaseBook cases;
    private final Ledger ledger;

    CaseRoutes(CaseBook cases, Ledger ledger) {
        this.cases = cases;
        this.ledger = ledger;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/v1/cases", Role.COMPLIANCE, this::list),
                Route.post("/v1/cases", Role.COMPLIANCE, this::open),
                Route.get("/v1/cases/{id}", Role.COMPLIANCE, this::lookup),
                Route.post("/v1/cases/{id}/assign", Role.COMPLIANCE, this::assign),
                Route.post("/v1/cases/{id}/notes", Role.COMPLIANCE, this::note),
                Route.post("/v1/cases/{id}/decision", Role.COMPLIANCE, this::decide),
                Route.get("/v1/cases/{id}/sar", Role.COMPLIANCE, this::sar),
                Route.get("/v1/cases/{id}/ctr", Role.COMPLIANCE, this::ctr));
    }

    private Instant now() {
        return Instant.EPOCH.plusNanos(ledger.now());
    }

    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (CaseException e) {
            throw AmlProblems.of(e);
        }
    }

    /** {@code ?state=S&subject=A&assignee=K&overdue=true&after=ID&limit=N}, in case order. */
    private void list(Context ctx) {
        String state = ctx.queryParam("state");
        CaseState wanted = state == null ? null : parseState(state);
        String subject = ctx.queryParam("subject");
        String assignee = ctx.queryParam("assignee");
        boolean overdue = "true".equals(ctx.queryParam("overdue"));
        int limit = Paging.limit(ctx);
        String after = Paging.cursor(ctx, "after");
        Instant now = now();
        List<Case> all = cases.all();
        int start = 0;
        if (after != null) {
            for (int i = 0; i < all.size(); i++) if (all.get(i).id().equals(after)) start = i + 1;
        }
        List<Case> found = all.subList(start, all.size()).stream()
                .filter(c -> wanted == null || c.state() == wanted)
                .filter(c -> subject == null || c.subject().equals(subject))
                .filter(c -> assignee == null || assignee.equals(c.assignee()))
                .filter(c -> !overdue || c.overdue(now))
                .limit(limit + 1L).toList();
        List<Case> page = found.size() > limit ? found.subList(0, limit) : found;
        Paging.reply(ctx, page, found.size() > limit ? page.getLast().id() : null, (g, c) -> CaseJson.summary(g, c, now));
    }

    private static CaseState parseState(String s) {
        for (CaseState c : CaseState.values()) if (c.wire().equals(s)) return c;
        throw ApiException.invalid("state must be one of open, investigating, escalated, closed_no_action, sar_filed");
    }

    private Case find(Context ctx) {
        String id = Replies.idParam(ctx, "case id");
        return call(() -> cases.get(id));
    }

    private void lookup(Context ctx) {
        Replies.json(ctx, 200, CaseJson.full(find(ctx), now()));
    }

    private void open(Context ctx) {
        String[] f = JsonIn.read(Body.read(ctx, 8 * 1024), in -> fields(in, "subject", "reason"));
        String who = Auth.principal(ctx).keyId();
        Case c = call(() -> cases.open(f[0], f[1], who, now()));
        Replies.json(ctx, 201, CaseJson.full(c, now()));
    }

    private void assign(Context ctx) {
        String id = find(ctx).id();
        String[] f = JsonIn.read(Body.read(ctx, 4 * 1024), in -> fields(in, "assignee"));
        String who = Auth.principal(ctx).keyId();
        Replies.json(ctx, 200, CaseJson.full(call(() -> cases.assign(id, f[0], who, now())), now()));
    }

    private void note(Context ctx) {
        String id = find(ctx).id();
        String[] f = JsonIn.read(Body.read(ctx, 8 * 1024), in -> fields(in, "text"));
        String who = Auth.principal(ctx).keyId();
        Replies.json(ctx, 200, CaseJson.full(call(() -> cases.note(id, f[0], who, now())), now()));
    }

    /** {@code {decision, note?}}: the note (why) is recorded first, then the decision. */
    private void decide(Context ctx) {
        String id = find(ctx).id();
        String[] f = JsonIn.read(Body.read(ctx, 8 * 1024), CaseRoutes::decision);
        String who = Auth.principal(ctx).keyId();
        Instant at = now();
        Case after = call(() -> {
            Case current = cases.get(id);
            if (current.state().closed()) throw new CaseException("case_closed", id + " is " + current.state().wire());
            if (f[1] != null) cases.note(id, f[1], who, at);
            return switch (f[0]) {
                case "investigate" -> cases.transition(id, CaseState.INVESTIGATING, who, at);
                case "escalate" -> cases.transition(id, CaseState.ESCALATED, who, at);
                case "close_no_action" -> cases.transition(id, CaseState.CLOSED_NO_ACTION, who, at);
                case "propose_sar" -> cases.proposeSar(id, who, at);
                case "approve_sar" -> cases.approveSar(id, who, at);
                default -> throw new IllegalStateException(f[0]);
            };
        });
        Replies.json(ctx, 200, CaseJson.full(after, now()));
    }

    private static String[] decision(JsonIn in) {
        in.startObject("");
        String decision = null;
        String note = null;
        for (String f = in.nextField(); f != null; f = in.nextField()) {
            switch (f) {
                case "decision" -> decision = in.string("decision");
                case "note" -> note = in.optionalString("note");
                default -> throw in.unknownField(f);
            }
        }
        if (decision == null || !List.of("investigate", "escalate", "close_no_action", "propose_sar", "approve_sar").contains(decision)) {
            throw ApiException.invalid("decision must be investigate, escalate, close_no_action, propose_sar or approve_sar");
        }
        if (note != null) text("note", note);
        return new String[] {decision, note};
    }

    /** Reads an object with exactly the named text members, each required (1..4,000 characters). */
    private static String[] fields(JsonIn in, String... names) {
        in.startObject("");
        String[] values = new String[names.length];
        for (String f = in.nextField(); f != null; f = in.nextField()) {
            int i = List.of(names).indexOf(f);
            if (i < 0) throw in.unknownField(f);
            values[i] = in.string(f);
        }
        for (int i = 0; i < names.length; i++) text(names[i], values[i]);
        return values;
    }

    private static void text(String name, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
            throw ApiException.invalid(name + " is required: 1.." + MAX_TEXT + " characters");
        }
    }

    /**
     * The SAR draft as FinCEN SAR XML. {@code ?subject_name=LAST, First} names the subject (the case knows only its
     * account; compliance reads the name from the customer record); the filer comes from
     * {@code -Dfarthing.aml.institution}, {@code -Dfarthing.aml.institution_tin} and the requesting key as contact.
     */
    private void sar(Context ctx) {
        Case c = find(ctx);
        String name = ctx.queryParam("subject_name");
        if (name != null && (name.isBlank() || name.length() > 150)) throw ApiException.invalid("subject_name is 1..150 characters");
        CaseReports.Filer filer = new CaseReports.Filer(System.getProperty("farthing.aml.institution", "FARTHING OPERATOR"),
                System.getProperty("farthing.aml.institution_tin"), Auth.principal(ctx).keyId(), "COMPLIANCE");
        String xml;
        try {
            xml = SarXml.write(CaseReports.sar(c, filer, name == null ? "ACCOUNT " + c.subject() : name,
                    LocalDate.ofInstant(now(), ZoneOffset.UTC)));
        } catch (IllegalArgumentException e) {
            throw new ApiException(422, AmlProblems.SAR_DRAFT_INVALID, e.getMessage());
        }
        ctx.status(200);
        ctx.contentType("application/xml");
        ctx.header("Content-Disposition", "attachment; filename=\"" + c.id() + "-sar.xml\"");
        ctx.result(xml);
    }

    private void ctr(Context ctx) {
        Case c = find(ctx);
        Replies.json(ctx, 200, CaseJson.ctr(c, CaseReports.ctr(c)));
    }
}
