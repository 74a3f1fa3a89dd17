package dev.farthing.compliance.screening;

import java.util.Set;

/**
 * Words that say little about who a party is: honorifics and titles, legal forms, connectors. They are kept
 * in the name (so an exact listing still scores best) but weigh a twentieth of their frequency weight, and a
 * query made only of them is refused: "CORP" alone never matches.
 */
final class NameWords {
    static final double LOW_INFORMATION_FACTOR = 0.05;

    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam",
        "sheikh", "shaykh", "sheik", "haji", "hajji", "mullah", "mulla", "maulana", "maulvi", "mawlawi", "imam",
        "qari", "general", "gen", "col", "colonel", "major", "capt", "captain", "lt", "brigadier", "admiral",
        "rev", "father", "emir", "amir", "sayyid", "sayed", "syed", "hon", "jr", "sr");
    private static final Set<String> LEGAL_FORMS = Set.of("corp", "corporation", "co", "company", "cia", "ltd",
        "limited", "llc", "llp", "lp", "inc", "incorporated", "sa", "sas", "sarl", "srl", "spa", "gmbh", "ag", "kg",
        "bv", "nv", "plc", "pjsc", "jsc", "ojsc", "cjsc", "ooo", "oao", "zao", "pao", "ao", "tov", "fze", "fzco",
        "fzc", "fzllc", "dmcc", "pte", "pty", "bhd", "sdn", "kk", "sl", "cv", "est", "establishment",
        "group", "holding", "holdings", "international", "intl", "trading", "enterprise", "enterprises",
        "industries", "industrial", "services", "general", "firm");
    private static final Set<String> CONNECTORS = Set.of("the", "of", "and", "for", "y", "et", "und", "la", "le",
        "les", "de", "el", "del", "della", "di", "da", "do", "dos", "das", "van", "von", "der", "den", "du",
        ArabicNames.ARTICLE, ArabicNames.SON_OF);

    private NameWords() {}

    static boolean lowInformation(String word) {
        return HONORIFICS.contains(word) || LEGAL_FORMS.contains(word) || CONNECTORS.contains(word);
    }

    /** A word for a reviewer: why this word counted little. */
    static String kind(String word) {
        if (LEGAL_FORMS.contains(word)) return "legal-form word";
        if (HONORIFICS.contains(word)) return "honorific or title";
        return "connecting word";
    }
}
