package dev.farthing.risk.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the dotted variable references ({@code features.x}, {@code score.x}, {@code payment.x}) in a CEL
 * condition, outside string literals, with their positions. The compiler uses it to name an unknown feature
 * precisely (CEL alone reports only "undeclared reference to 'features'") and to list the values a rule looked
 * at in its explanation.
 */
final class VariableScanner {

    /** A reference at a 1-based line (relative to the condition's first line) and 0-based column. */
    record Reference(String name, int line, int column) {
    }

    private VariableScanner() {
    }

    static List<Reference> scan(String condition) {
        List<Reference> out = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        char quote = 0;
        for (int i = 0; i < condition.length(); i++) {
            char c = condition.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                quote = 0;
            } else if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (Character.isJavaIdentifierStart(c) && (i == 0 || !isIdentifierOrDot(condition.charAt(i - 1)))) {
                int end = identifierEnd(condition, i);
                String head = condition.substring(i, end);
                if (PolicyVariables.isNamespace(head) && end + 1 < condition.length() && condition.charAt(end) == '.') {
                    int tailEnd = identifierEnd(condition, end + 1);
                    out.add(new Reference(condition.substring(i, tailEnd), line, i - lineStart));
                    end = tailEnd;
                }
                i = end - 1;
            }
        }
        return out;
    }

    /**
     * Index of the first unsigned integer literal ({@code 30u}) outside string literals, or -1. Policies refuse
     * them: CEL's uint/double orderings would rank an unknown (NaN) feature above every number.
     */
    static int unsignedLiteral(String condition) {
        char quote = 0;
        for (int i = 0; i < condition.length(); i++) {
            char c = condition.charAt(i);
            if (c == '\n') {
                quote = 0;
            } else if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (Character.isDigit(c) && (i == 0 || !isIdentifierOrDot(condition.charAt(i - 1)))) {
                int end = identifierEnd(condition, i);
                char last = condition.charAt(end - 1);
                if ((last == 'u' || last == 'U') && condition.substring(i, end - 1).matches("[0-9]+|0x[0-9a-fA-F]+")) {
                    return i;
                }
                i = end - 1;
            }
        }
        return -1;
    }

    /** The 1-based line and 0-based column of {@code index} in {@code text}. */
    static int[] lineAndColumn(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, index - lineStart};
    }

    private static int identifierEnd(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isIdentifierOrDot(char c) {
        return c == '.' || Character.isJavaIdentifierPart(c);
    }
}
