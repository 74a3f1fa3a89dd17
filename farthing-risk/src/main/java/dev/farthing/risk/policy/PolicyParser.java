package dev.farthing.risk.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a policy file into rules (the grammar is documented on {@link PolicyCompiler}). It checks only the
 * file's own syntax: names, {@code =>}, actions and quoted reason codes; the conditions are CEL and are
 * checked by the compiler. Every problem is collected, with its line and column, before failing.
 */
final class PolicyParser {
    static final int MAX_SOURCE_CHARS = 1 << 20;
    static final int MAX_RULES = 1_000;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern HEADER = Pattern.compile("policy\\s+(\\S+)\\s*(#.*)?");
    private static final Pattern RULE_HEAD = Pattern.compile("rule\\s+([^\\s:]+)\\s*:");

    /** A rule's text before compiling; {@code condition} is padded so CEL positions map to file columns. */
    record RuleSource(PolicyRule rule, String paddedCondition, int conditionLine) {
    }

    record Parsed(String name, List<RuleSource> rules) {
    }

    private final List<PolicyError> errors = new ArrayList<>();
    private final List<RuleSource> rules = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private String policyName = "unnamed";
    // The rule being read: its explicit name (or null), first line, and condition text so far.
    private String pendingName;
    private int pendingLine;
    private int conditionLine;
    private StringBuilder condition;

    static Parsed parse(String source) {
        PolicyParser parser = new PolicyParser();
        if (source.length() > MAX_SOURCE_CHARS) {
            throw new PolicyException(List.of(new PolicyError(null, 1, 1,
                    "policy is " + source.length() + " characters; the limit is " + MAX_SOURCE_CHARS)));
        }
        String[] lines = source.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            parser.line(lines[i], i + 1);
        }
        parser.finish(lines.length);
        if (!parser.errors.isEmpty()) {
            throw new PolicyException(parser.errors);
        }
        return new Parsed(parser.policyName, List.copyOf(parser.rules));
    }

    private void line(String text, int lineNo) {
        String trimmed = text.strip();
        boolean inRule = condition != null;
        if (trimmed.startsWith("#") || (trimmed.isEmpty() && !inRule)) {
            if (inRule) {
                condition.append('\n');
            }
            return;
        }
        if (!inRule && trimmed.startsWith("policy ")) {
            header(trimmed, text, lineNo);
            return;
        }
        if (inRule && RULE_HEAD.matcher(trimmed).lookingAt()) {
            errors.add(new PolicyError(pendingName, pendingLine, 1,
                    "rule never ends: expected '=> ACTION \"reason_code\"' before the next rule on line " + lineNo));
            inRule = false;
        }
        int from = 0;
        if (!inRule) {
            pendingLine = lineNo;
            pendingName = null;
            from = ruleHead(text, lineNo);
            condition = new StringBuilder(" ".repeat(from));
            conditionLine = lineNo;
        } else {
            condition.append('\n');
        }
        int arrow = findArrow(text, from);
        if (arrow < 0) {
            condition.append(text, from, text.length());
            return;
        }
        condition.append(text, from, arrow);
        endRule(text, arrow, lineNo);
    }

    private void header(String trimmed, String text, int lineNo) {
        Matcher m = HEADER.matcher(trimmed);
        int column = text.indexOf("policy") + 1;
        if (!rules.isEmpty()) {
            errors.add(new PolicyError(null, lineNo, column, "the 'policy NAME' header must come before any rule"));
        } else if (!m.matches() || !NAME.matcher(m.group(1)).matches()) {
            errors.add(new PolicyError(null, lineNo, column,
                    "expected 'policy NAME' with NAME in snake_case ([a-z][a-z0-9_]*, at most 64 characters)"));
        } else {
            policyName = m.group(1);
        }
    }

    /** Reads an optional {@code rule NAME:} head; returns the index where the condition starts. */
    private int ruleHead(String text, int lineNo) {
        int start = text.length() - text.stripLeading().length();
        Matcher m = RULE_HEAD.matcher(text).region(start, text.length());
        if (!m.lookingAt()) {
            return start;
        }
        String name = m.group(1);
        if (!NAME.matcher(name).matches()) {
            errors.add(new PolicyError(name, lineNo, m.start(1) + 1,
                    "rule name '" + name + "' must be snake_case ([a-z][a-z0-9_]*, at most 64 characters)"));
        } else {
            pendingName = name;
        }
        return m.end();
    }

    /** Parses {@code => ACTION "code" ["detail"] [# comment]} after the condition and records the rule. */
    private void endRule(String text, int arrow, int lineNo) {
        RuleTail tail = RuleTail.parse(text, arrow + 2);
        String name = pendingName;
        String cond = condition.toString();
        condition = null;
        if (tail.error() != null) {
            errors.add(new PolicyError(name, lineNo, tail.errorColumn(), tail.error()));
            return;
        }
        if (name == null) {
            name = tail.code() + "@" + pendingLine;
        }
        if (cond.isBlank()) {
            errors.add(new PolicyError(name, lineNo, arrow + 1, "rule has no condition before '=>'"));
            return;
        }
        if (!names.add(name)) {
            errors.add(new PolicyError(name, pendingLine, 1, "duplicate rule name '" + name + "'"));
            return;
        }
        if (rules.size() == MAX_RULES) {
            errors.add(new PolicyError(name, pendingLine, 1, "too many rules; the limit is " + MAX_RULES));
            return;
        }
        PolicyRule rule = new PolicyRule(name, cond.strip(), tail.action(), tail.code(), tail.detail(), pendingLine);
        rules.add(new RuleSource(rule, cond, conditionLine));
    }

    private void finish(int lastLine) {
        if (condition != null) {
            errors.add(new PolicyError(pendingName, pendingLine, 1,
                    "rule never ends: expected '=> ACTION \"reason_code\"' by line " + lastLine));
        }
    }

    /** Index of the first {@code =>} at or after {@code from} that is not inside a string literal, or -1. */
    static int findArrow(String text, int from) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '=' && i + 1 < text.length() && text.charAt(i + 1) == '>') {
                return i;
            }
        }
        return -1;
    }
}
