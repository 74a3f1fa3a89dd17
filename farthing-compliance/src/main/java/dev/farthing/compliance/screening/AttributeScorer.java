package dev.farthing.compliance.screening;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the query's type, birth date and country do to a name score. Agreement adds a little (the name already
 * carries most of the evidence); conflict takes away more, since a listed person born fifteen years apart or
 * of another nationality is most likely someone else. Nothing changes when either side does not know.
 */
final class AttributeScorer {
    static final double SAME_BIRTH_DAY = 0.06;
    static final double SAME_BIRTH_YEAR = 0.04;
    static final double BIRTH_YEAR_CLOSE_CONFLICT = -0.08;
    static final double BIRTH_YEAR_FAR_CONFLICT = -0.16;
    static final double SAME_NATIONALITY = 0.04;
    static final double SAME_COUNTRY = 0.02;
    static final double OTHER_NATIONALITY = -0.07;
    static final double OTHER_COUNTRY = -0.02;
    static final double OTHER_TYPE = -0.15;

    private AttributeScorer() {}

    static double adjust(ScreeningQuery q, SanctionsEntry e, List<String> notes) {
        double delta = 0;
        if (q.type() != null && q.type() != e.type()) {
            delta += OTHER_TYPE;
            note(notes, "searched for a %s but the entry is a %s (%+.2f)", q.type().wireName(), e.type().wireName(), OTHER_TYPE);
        }
        if (q.birthDate() != null && !e.birthDates().isEmpty()) delta += birth(q.birthDate(), e.birthDates(), notes);
        if (q.country() != null) delta += country(q.country(), e, notes);
        return delta;
    }

    private static double birth(BirthDate asked, List<BirthDate> listed, List<String> notes) {
        int bestGap = Integer.MAX_VALUE;
        BirthDate best = null;
        for (BirthDate d : listed) {
            if (asked.sameDay(d)) {
                note(notes, "birth date %s is the listed birth date (%+.2f)", asked, SAME_BIRTH_DAY);
                return SAME_BIRTH_DAY;
            }
            int gap = asked.yearGap(d);
            if (gap < bestGap) { bestGap = gap; best = d; }
        }
        String listedText = listed.stream().map(BirthDate::toString).collect(Collectors.joining(", "));
        if (bestGap == 0) {
            boolean bothDays = asked.exactDay() && best.exactDay();
            double d = bothDays ? 0.01 : SAME_BIRTH_YEAR;
            note(notes, bothDays ? "birth year %s agrees with listed %s but the day differs (%+.2f)"
                : "birth year %s agrees with listed %s (%+.2f)", asked.fromYear(), listedText, d);
            return d;
        }
        if (bestGap == 1) {
            note(notes, "birth year %s is one year from listed %s (no change)", asked.fromYear(), listedText);
            return 0;
        }
        double d = bestGap <= 4 ? BIRTH_YEAR_CLOSE_CONFLICT : BIRTH_YEAR_FAR_CONFLICT;
        note(notes, "birth year %s conflicts with listed %s, %d years apart (%+.2f)", asked.fromYear(), listedText, bestGap, d);
        return d;
    }

    private static double country(String code, SanctionsEntry e, List<String> notes) {
        String name = Countries.displayName(code);
        if (e.nationalities().contains(code)) {
            note(notes, "country %s agrees with the listed nationality (%+.2f)", name, SAME_NATIONALITY);
            return SAME_NATIONALITY;
        }
        if (e.countries().contains(code)) {
            note(notes, "country %s agrees with a listed address or birthplace (%+.2f)", name, SAME_COUNTRY);
            return SAME_COUNTRY;
        }
        if (!e.nationalities().isEmpty()) {
            note(notes, "country %s conflicts with listed nationality %s (%+.2f)", name, names(e.nationalities()), OTHER_NATIONALITY);
            return OTHER_NATIONALITY;
        }
        if (!e.countries().isEmpty()) {
            note(notes, "country %s is none of the listed countries %s (%+.2f)", name, names(e.countries()), OTHER_COUNTRY);
            return OTHER_COUNTRY;
        }
        return 0;
    }

    private static String names(java.util.Set<String> codes) {
        return codes.stream().sorted().map(Countries::displayName).collect(Collectors.joining(", "));
    }

    private static void note(List<String> notes, String format, Object... args) {
        if (notes != null) notes.add(String.format(Locale.ROOT, format, args));
    }
}
