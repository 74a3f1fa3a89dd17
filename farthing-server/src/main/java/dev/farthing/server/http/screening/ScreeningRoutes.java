package dev.farthing.server.http.screening;

import dev.farthing.compliance.screening.BirthDate;
import dev.farthing.compliance.screening.Countries;
import dev.farthing.compliance.screening.EntityType;
import dev.farthing.compliance.screening.ListSnapshot;
import dev.farthing.compliance.screening.ScreeningHit;
import dev.farthing.compliance.screening.ScreeningQuery;
import dev.farthing.compliance.screening.ScreeningResult;
import dev.farthing.compliance.screening.Screener;
import dev.farthing.server.Role;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Auth;
import dev.farthing.server.http.Body;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.JsonIn;
import dev.farthing.server.http.Problems;
import dev.farthing.server.http.Replies;
import dev.farthing.server.http.Route;
import io.javalin.http.Context;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/screening/search} (operator or compliance) and {@code POST /v1/screening/lists} (operator:
 * reload the stored current version, or store and load new source files). Every search reply names the list
 * version and hash it was decided on.
 */
final class ScreeningRoutes {
    public static final String LISTS_NOT_LOADED = "sanctions_lists_not_loaded";
    public static final String LISTS_UNREADABLE = "sanctions_lists_unreadable";

    private final ScreeningApi api;

    ScreeningRoutes(ScreeningApi api) {
        this.api = api;
    }

    List<Route> routes() {
        // search needs operator or compliance: the route admits every key that may read, the handler narrows it
        return List.of(Route.post("/v1/screening/search", Role.AUDITOR, this::search),
            Route.post("/v1/screening/lists", Role.OPERATOR, this::lists));
    }

    private record Request(ScreeningQuery query, List<String> warnings) {}

    private void search(Context ctx) {
        Role role = Auth.principal(ctx).role();
        if (role != Role.OPERATOR && role != Role.COMPLIANCE && role != Role.ADMIN) {
            throw new ApiException(403, Problems.FORBIDDEN, "a key with role " + role.wire()
                + " may not screen names; it needs role operator or compliance");
        }
        Request request = JsonIn.read(Body.read(ctx, 16 * 1024), ScreeningRoutes::readSearch);
        Screener screener = api.screener().orElseThrow(this::notLoaded);
        ScreeningResult result = screener.search(request.query); // latency is in the core's per-route request metrics
        Replies.json(ctx, 200, Json.bytes(512, g -> {
            g.writeStartObject();
            g.writeStringField("list_version", result.listVersion());
            g.writeStringField("list_hash", result.listHash());
            g.writeArrayFieldStart("hits");
            for (ScreeningHit h : result.hits()) {
                g.writeStartObject();
                g.writeStringField("entity_id", h.entityId());
                g.writeStringField("list", h.list().wireName());
                g.writeStringField("name", h.name());
                g.writeStringField("matched_name", h.matchedName());
                g.writeNumberField("score", h.score());
                g.writeArrayFieldStart("explanation");
                for (String line : h.explanation()) g.writeString(line);
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            if (!request.warnings.isEmpty()) {
                g.writeArrayFieldStart("warnings");
                for (String w : request.warnings) g.writeString(w);
                g.writeEndArray();
            }
            g.writeEndObject();
        }));
    }

    private static Request readSearch(JsonIn in) {
        in.startObject("");
        String name = null;
        EntityType type = null;
        BirthDate birth = null;
        String country = null;
        int limit = ScreeningQuery.DEFAULT_LIMIT;
        List<String> warnings = new ArrayList<>();
        for (String f = in.nextField(); f != null; f = in.nextField()) {
            switch (f) {
                case "name" -> name = in.string("name");
                case "type" -> {
                    String t = in.optionalString("type");
                    if (t != null) {
                        type = EntityType.parse(t).filter(x -> t.equals(x.wireName()))
                            .orElseThrow(() -> in.invalid("type", "must be person, organization, vessel or aircraft"));
                    }
                }
                case "birth_date" -> {
                    String b = in.optionalString("birth_date");
                    if (b != null) {
                        try {
                            birth = BirthDate.parseQuery(b);
                        } catch (IllegalArgumentException e) {
                            throw in.invalid("birth_date", "must be YYYY or YYYY-MM-DD");
                        }
                    }
                }
                case "country" -> {
                    String c = in.optionalString("country");
                    if (c != null) {
                        country = Countries.code(c).orElse(null);
                        if (country == null) warnings.add("country '" + c + "' is not a known country; it was ignored");
                    }
                }
                case "limit" -> limit = (int) Math.max(1, in.nonNegative("limit", ScreeningQuery.MAX_LIMIT));
                default -> throw in.unknownField(f);
            }
        }
        if (name == null || name.isBlank()) throw ApiException.invalid("name is required and must not be blank");
        if (name.length() > 300) throw ApiException.invalid("name must be at most 300 characters");
        return new Request(new ScreeningQuery(name, type, birth, country, limit), warnings);
    }

    private void lists(Context ctx) {
        byte[] body = Body.read(ctx, 16 * 1024);
        String[] paths = new String[2];
        if (!Body.isEmpty(body)) {
            JsonIn.read(body, in -> {
                in.startObject("");
                for (String f = in.nextField(); f != null; f = in.nextField()) {
                    switch (f) {
                        case "ofac_dir" -> paths[0] = in.optionalString("ofac_dir");
                        case "un_file" -> paths[1] = in.optionalString("un_file");
                        default -> throw in.unknownField(f);
                    }
                }
                return null;
            });
        }
        ListSnapshot snapshot;
        try {
            if (paths[0] == null && paths[1] == null) {
                snapshot = api.store().loadCurrent().orElseThrow(() -> new ApiException(409, LISTS_NOT_LOADED,
                    "no list snapshot is stored; run `farthing sanctions load` or send ofac_dir/un_file"));
            } else {
                snapshot = api.store().store(paths[0] == null ? null : Path.of(paths[0]), paths[1] == null ? null : Path.of(paths[1]));
            }
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new ApiException(422, LISTS_UNREADABLE, e.getMessage());
        }
        String before = api.currentScreener().map(sc -> sc.snapshot().version()).orElse(null);
        api.install(snapshot);
        ListSnapshot loaded = snapshot;
        api.trail().record(ctx, "screening.lists_installed", "screening:lists",
                before == null ? null : dev.farthing.server.http.audit.AuditTrail.state(g -> {
                    g.writeStartObject();
                    g.writeStringField("list_version", before);
                    g.writeEndObject();
                }),
                dev.farthing.server.http.audit.AuditTrail.state(g -> {
                    g.writeStartObject();
                    g.writeStringField("list_version", loaded.version());
                    g.writeStringField("list_hash", loaded.sha256());
                    g.writeNumberField("entries", loaded.entryCount());
                    g.writeEndObject();
                }));
        Replies.json(ctx, 200, Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("list_version", loaded.version());
            g.writeStringField("list_hash", loaded.sha256());
            g.writeNumberField("entries", loaded.entryCount());
            g.writeEndObject();
        }));
    }

    private ApiException notLoaded() {
        if (api.loading()) return new ApiException(503, LISTS_NOT_LOADED, "the sanctions lists are still being indexed; retry shortly");
        return new ApiException(503, LISTS_NOT_LOADED, api.loadFailure()
            .map(f -> "the stored sanctions lists could not be loaded: " + f)
            .orElse("no sanctions lists are loaded; run `farthing sanctions load` or POST /v1/screening/lists"));
    }
}
