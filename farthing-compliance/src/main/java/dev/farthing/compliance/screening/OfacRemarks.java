package dev.farthing.compliance.screening;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the identifying facts OFAC puts in an SDN entry's free-text remarks: "DOB 10 Dec 1948; POB Giza, Egypt;
 * nationality Egypt; citizen Iran; Passport 1084010 (Egypt); a.k.a. 'BNC'." Parts it does not understand are
 * left alone: remarks are signals, not the record of identity.
 */
final class OfacRemarks {
    private static final Pattern WEAK_AKA = Pattern.compile("a\\.k\\.a\\.,? '([^']+)'");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("^(\\d{1,2}) ([A-Za-z]{3}) (\\d{4})$");
    private static final List<String> MONTHS =
        List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final List<String> DOCUMENT_WORDS = List.of("passport", "national id no", "identification number",
        "cedula no", "tax id no", "registration number", "driver's license no", "ssn");

    final List<BirthDate> birthDates = new ArrayList<>();
    final List<String> birthPlaces = new ArrayList<>();
    final Set<String> nationalities = new LinkedHashSet<>();
    final Set<String> birthCountries = new LinkedHashSet<>();
    final List<String> documents = new ArrayList<>();
    final List<String> weakAliases = new ArrayList<>();

    static OfacRemarks parse(String remarks) {
        OfacRemarks facts = new OfacRemarks();
        if (remarks == null || remarks.isEmpty()) return facts;
        Matcher aka = WEAK_AKA.matcher(remarks);
        while (aka.find()) facts.weakAliases.add(aka.group(1).strip());
        for (String rawPart : remarks.split(";")) {
            String part = rawPart.strip();
            if (part.endsWith(".")) part = part.substring(0, part.length() - 1);
            if (part.startsWith("alt. ")) part = part.substring(5);
            String lower = part.toLowerCase(Locale.ROOT);
            if (lower.startsWith("dob ")) {
                birthDate(part.substring(4).strip()).ifPresent(facts.birthDates::add);
            } else if (lower.startsWith("pob ")) {
                String place = part.substring(4).strip();
                facts.birthPlaces.add(place);
                String last = place.substring(place.lastIndexOf(',') + 1);
                Countries.code(last).ifPresent(facts.birthCountries::add);
            } else if (lower.startsWith("nationality ") || lower.startsWith("citizen ")) {
                Countries.code(part.substring(part.indexOf(' ') + 1)).ifPresent(facts.nationalities::add);
            } else if (DOCUMENT_WORDS.stream().anyMatch(lower::startsWith)) {
                facts.documents.add(part);
            }
        }
        return facts;
    }

    /** "10 Dec 1948", "Dec 1948", "1946", "circa 1960", "1960 to 1962", "circa 1979-1982". */
    static Optional<BirthDate> birthDate(String text) {
        boolean circa = text.startsWith("circa ");
        String body = circa ? text.substring(6).strip() : text;
        Matcher exact = DAY_MONTH_YEAR.matcher(body);
        if (!circa && exact.matches()) {
            int month = MONTHS.indexOf(exact.group(2).toLowerCase(Locale.ROOT)) + 1;
            int day = Integer.parseInt(exact.group(1));
            if (month > 0 && day >= 1 && day <= 31) {
                int year = Integer.parseInt(exact.group(3));
                return Optional.of(new BirthDate(year, year, month, day));
            }
        }
        Matcher years = YEAR.matcher(body);
        int from = Integer.MAX_VALUE;
        int to = Integer.MIN_VALUE;
        while (years.find()) {
            int year = Integer.parseInt(years.group(1));
            from = Math.min(from, year);
            to = Math.max(to, year);
        }
        if (from == Integer.MAX_VALUE || from < 1000) return Optional.empty();
        if (circa) { from -= 1; to += 1; }
        return Optional.of(new BirthDate(from, to, 0, 0));
    }
}
