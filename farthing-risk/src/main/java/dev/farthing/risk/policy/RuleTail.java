package dev.farthing.risk.policy;

import java.util.regex.Pattern;

/**
 * The part of a rule after {@code =>}: {@code ACTION "reason_code" ["detail text"] [# comment]}. Either the
 * parsed parts or an error with its 1-based column.
 */
record RuleTail(Action action, String code, String detail, String error, int errorColumn) {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    static RuleTail parse(String text, int from) {
        int i = skipSpaces(text, from);
        int wordEnd = i;
        while (wordEnd < text.length() && Character.isLetter(text.charAt(wordEnd))) {
            wordEnd++;
        }
        Action action;
        try {
            action = Action.fromKeyword(text.substring(i, wordEnd));
        } catch (IllegalArgumentException e) {
            return fail("expected an action after '=>': approve, challenge, review or decline", i);
        }
        i = skipSpaces(text, wordEnd);
        if (i >= text.length() || text.charAt(i) != '"') {
            return fail("expected a quoted reason code after '" + action.keyword() + "', e.g. \"bot_regular_timing\"", i);
        }
        Quoted code = Quoted.read(text, i);
        if (code == null) {
            return fail("unterminated reason code string", i);
        }
        if (!CODE.matcher(code.value()).matches()) {
            return fail("reason code \"" + code.value() + "\" must be snake_case ([a-z][a-z0-9_]*)", i + 1);
        }
        i = skipSpaces(text, code.end());
        String detail = "";
        if (i < text.length() && text.charAt(i) == '"') {
            Quoted d = Quoted.read(text, i);
            if (d == null) {
                return fail("unterminated detail string", i);
            }
            detail = d.value();
            i = skipSpaces(text, d.end());
        }
        if (i < text.length() && text.charAt(i) != '#') {
            return fail("unexpected text after the reason; only a \"detail\" string or a # comment may follow", i);
        }
        return new RuleTail(action, code.value(), detail, null, 0);
    }

    private static RuleTail fail(String message, int index) {
        return new RuleTail(null, null, null, message, index + 1);
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A double-quoted string with {@code \"} and {@code \\} escapes; {@code end} is just past the closing quote. */
    private record Quoted(String value, int end) {
        static Quoted read(String text, int openQuote) {
            StringBuilder out = new StringBuilder();
            for (int i = openQuote + 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == '"') {
                    return new Quoted(out.toString(), i + 1);
                } else {
                    out.append(c);
                }
            }
            return null;
        }
    }
}
