package dev.farthing.compliance.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One spelling for the parts of Arabic, Persian and Urdu names that romanization systems write many ways, applied
 * to listed and queried names alike after folding: the article (al, el, ul, and its assimilated forms before a
 * sun letter: ad-Din, ar-Rahman, ash-Shami) becomes "al"; Abd al-X in all its forms (Abdul X, Abdel X, AbdulX,
 * Abdurrahman) becomes "abd al x", Abdullah "abd allah"; bin, ibn, ben, bint become "bin"; Muhammad's spellings
 * (Mohammed, Mohamed, Muhammed, Mohd, MHMD) one word, Ahmad's (Ahmed) another. Only whole words or the Abd
 * compound change, so ordinary names are left as they were.
 */
final class ArabicNames {
    static final String ARTICLE = "al";
    static final String SON_OF = "bin";

    private static final Set<String> ARTICLES = Set.of("al", "el", "ul", "il");
    /** The article assimilated to the next word's first consonant: "ad din", "ash shami", "an nur". */
    private static final Pattern ASSIMILATED = Pattern.compile("[aeu](sh|th|dh|t|d|r|z|s|n)");
    private static final Set<String> SONS = Set.of("bin", "ibn", "ben", "bn", "bint", "binti", "bent");
    private static final Pattern MUHAMMAD = Pattern.compile("m(u|o|ou)?h{1,2}a?m{1,2}(a|e|i|ou|u)?d|mohd|muhd|mhd");
    private static final Pattern AHMAD = Pattern.compile("ahm(a|e)?d");
    /** Abd joined to the article and the name: abdul-, abdel-, abdal-, abdol-, abdoul-; or assimilated: abdur-, abdus-. */
    private static final Pattern ABD_SEPARATE = Pattern.compile("abd(u|e|a|o|ou|i)(l|r|s|sh|n|d|t|z)");
    private static final Pattern ABD_JOINED = Pattern.compile("abd(ou|u|e|a|o|i)?l([a-z]{2,})");
    private static final Pattern ABD_ASSIMILATED = Pattern.compile("abd(ou|u|e|o|a|i)(sh|th|dh|[rsndtz])(\\2[a-z]{2,})");

    private ArabicNames() {}

    static List<String> canonical(List<String> words) {
        List<String> out = new ArrayList<>(words.size() + 2);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String next = i + 1 < words.size() ? words.get(i + 1) : null;
            if (ARTICLES.contains(w) || (next != null && isAssimilatedArticle(w, next))) {
                out.add(ARTICLE);
            } else if (SONS.contains(w)) {
                out.add(SON_OF);
            } else if (MUHAMMAD.matcher(w).matches()) {
                out.add("muhammad");
            } else if (AHMAD.matcher(w).matches()) {
                out.add("ahmad");
            } else if (w.startsWith("abd") && w.length() > 3) {
                abd(w, next != null, out);
            } else {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean isAssimilatedArticle(String w, String next) {
        var m = ASSIMILATED.matcher(w);
        return m.matches() && next.startsWith(m.group(1)) && next.length() > m.group(1).length() + 1;
    }

    /** Abd al-X, written any of its ways, as "abd", "al", X; Abdullah as "abd", "allah". */
    private static void abd(String w, boolean followed, List<String> out) {
        if (followed && ABD_SEPARATE.matcher(w).matches()) {
            out.add("abd");
            out.add(ARTICLE);
            return;
        }
        String rest = null;
        var joined = ABD_JOINED.matcher(w);
        if (joined.matches()) rest = joined.group(2);
        var assimilated = ABD_ASSIMILATED.matcher(w);
        if (rest == null && assimilated.matches()) rest = assimilated.group(3);
        if (rest == null) {
            out.add(w);
            return;
        }
        out.add("abd");
        if (rest.equals("lah") || rest.equals("la") || rest.equals("lahi") || rest.equals("ah") || rest.equals("lla") || rest.equals("lh")) {
            out.add("allah");
        } else {
            out.add(ARTICLE);
            out.add(rest);
        }
    }
}
