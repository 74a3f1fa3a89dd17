package dev.farthing.server.http;

import dev.farthing.ledger.model.Validation;
import io.javalin.http.Context;

/** Small helpers shared by the route classes. */
public final class Replies {
    private Replies() {
    }

    public static void json(Context ctx, int status, byte[] body) {
        ctx.status(status);
        ctx.contentType(Json.CONTENT_TYPE);
        ctx.result(body);
    }

    /** A path parameter that must be a valid ledger id (1..64 of {@code [A-Za-z0-9._:-]}). */
    public static String idParam(Context ctx, String what) {
        String id = ctx.pathParam("id");
        if (id.isEmpty() || id.length() > Validation.MAX_ID_LENGTH) {
            throw ApiException.invalid(what + " must be 1.." + Validation.MAX_ID_LENGTH + " characters");
        }
        for (int i = 0; i < id.length(); i++) {
            if (!Validation.isIdChar(id.charAt(i))) {
                throw ApiException.invalid(what + " may only contain A-Z a-z 0-9 . _ : -");
            }
        }
        return id;
    }

    /** A body that must be empty or {@code {}} (status changes take no options). */
    public static void requireNoOptions(Context ctx) {
        byte[] body = Body.read(ctx, 4096);
        if (Body.isEmpty(body)) {
            return;
        }
        JsonIn.read(body, in -> {
            in.startObject("");
            String f = in.nextField();
            if (f != null) {
                throw in.unknownField(f);
            }
            return null;
        });
    }
}
