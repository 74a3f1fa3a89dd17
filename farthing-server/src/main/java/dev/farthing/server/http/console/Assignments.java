package dev.farthing.server.http.console;

import dev.farthing.ledger.model.Validation;
import dev.farthing.server.Role;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Auth;
import dev.farthing.server.http.Body;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.JsonIn;
import dev.farthing.server.http.Replies;
import dev.farthing.server.http.Route;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/assignments}: who works which queue item ({@code kind} names the queue: review, hold, dispute, ...;
 * {@code id} the item). A work-sharing note between analysts, not a permission: deciding an item still takes the
 * role its route needs. Bounded ({@link #MAX_ITEMS}, the oldest assignment dropped first) and in memory only.
 */
final class Assignments {
    static final int MAX_ITEMS = 10_000;
    static final int MAX_IDS_PER_REQUEST = 200;

    record Assignment(String kind, String id, String assignee, Instant at) {
    }

    private final LinkedHashMap<String, Assignment> byItem = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Assignment> eldest) {
            return size() > MAX_ITEMS;
        }
    };

    List<Route> routes() {
        return List.of(
                Route.get("/v1/assignments", Role.AUDITOR, this::list),
                Route.post("/v1/assignments", Role.REVIEWER, this::assign));
    }

    private void list(Context ctx) {
        String kind = ctx.queryParam("kind");
        List<Assignment> found = new ArrayList<>();
        synchronized (this) {
            for (Assignment a : byItem.values()) {
                if (kind == null || a.kind().equals(kind)) {
                    found.add(a);
                }
            }
        }
        Replies.json(ctx, 200, json(found));
    }

    private record Request(String kind, List<String> ids, String assignee) {
    }

    /** {@code {kind, ids: [...], assignee: "me" | null}}: "me" assigns to the caller's key, null unassigns. */
    private void assign(Context ctx) {
        Request r = JsonIn.read(Body.read(ctx, 32 * 1024), Assignments::read);
        String assignee = r.assignee() == null ? null : Auth.principal(ctx).keyId();
        Instant now = Instant.now();
        List<Assignment> changed = new ArrayList<>();
        synchronized (this) {
            for (String id : r.ids()) {
                String item = r.kind() + ":" + id;
                if (assignee == null) {
                    byItem.remove(item);
                } else {
                    Assignment a = new Assignment(r.kind(), id, assignee, now);
                    byItem.remove(item); // re-inserted last: the newest assignment is dropped last
                    byItem.put(item, a);
                    changed.add(a);
                }
            }
            assert byItem.size() <= MAX_ITEMS;
        }
        Replies.json(ctx, 200, json(changed));
    }

    private static Request read(JsonIn in) {
        in.startObject("");
        String kind = null;
        List<String> ids = null;
        String assignee = null;
        boolean assigneeGiven = false;
        String f;
        while ((f = in.nextField()) != null) {
            switch (f) {
                case "kind" -> kind = checkedId(in, f, in.string(f));
                case "assignee" -> {
                    assigneeGiven = true;
                    assignee = in.optionalString(f);
                    if (assignee != null && !assignee.equals("me")) {
                        throw in.invalid(f, "must be \"me\" (assign to yourself) or null (unassign)");
                    }
                }
                case "ids" -> {
                    if (!in.isArrayStart()) {
                        throw in.invalid(f, "must be an array of item ids");
                    }
                    ids = new ArrayList<>();
                    while (in.nextElement()) {
                        if (ids.size() == MAX_IDS_PER_REQUEST) {
                            throw in.invalid(f, "holds at most " + MAX_IDS_PER_REQUEST + " ids");
                        }
                        ids.add(checkedId(in, f, in.string(f)));
                    }
                }
                default -> throw in.unknownField(f);
            }
        }
        if (kind == null || ids == null || ids.isEmpty() || !assigneeGiven) {
            throw ApiException.invalid("kind, ids (at least one) and assignee are required");
        }
        return new Request(kind, List.copyOf(ids), assignee);
    }

    private static String checkedId(JsonIn in, String field, String s) {
        if (s.isEmpty() || s.length() > Validation.MAX_ID_LENGTH || !s.chars().allMatch(c -> Validation.isIdChar((char) c))) {
            throw in.invalid(field, "must be 1.." + Validation.MAX_ID_LENGTH + " of A-Z a-z 0-9 . _ : -");
        }
        return s;
    }

    private static byte[] json(List<Assignment> items) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("items");
            for (Assignment a : items) {
                g.writeStartObject();
                g.writeStringField("kind", a.kind());
                g.writeStringField("id", a.id());
                g.writeStringField("assignee", a.assignee());
                g.writeStringField("at", a.at().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
