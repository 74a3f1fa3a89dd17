package dev.farthing.compliance.screening;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a name in any script into lower-case ASCII words: ICU's Any-Latin (Arabic, Cyrillic, Greek, Han to
 * pinyin, Hangul, ...) then Latin-ASCII, apostrophes and marks dropped, other punctuation a word break.
 * Names written in an abjad (Arabic, Hebrew, Syriac) carry no short vowels, so their words are flagged and
 * matched on consonant skeletons; the attached Arabic article ("altkryty") is split off as "al".
 */
public final class NameFolding {
    /** Words of one folded name, and whether they came from a script without written vowels. */
    public record Folded(List<String> words, boolean abjad) {}

    /** Transliterators are costly to make and not for concurrent use: a bounded pool, not one per (virtual) thread. */
    private static final java.util.concurrent.ArrayBlockingQueue<Transliterator> SPARE_TO_LATIN =
        new java.util.concurrent.ArrayBlockingQueue<>(32);

    private NameFolding() {}

    public static Folded fold(String name) {
        boolean ascii = true;
        boolean abjad = false;
        boolean hangul = false;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (cp >= 0x80) {
                ascii = false;
                int script = UScript.getScript(cp);
                if (script == UScript.ARABIC || script == UScript.HEBREW || script == UScript.SYRIAC) abjad = true;
                if (script == UScript.HANGUL) hangul = true;
            }
            i += Character.charCount(cp);
        }
        String latin = ascii ? name : toLatin(hangul ? syllables(name) : name);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < latin.length(); i++) {
            char c = Character.toLowerCase(latin.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                word.append(c);
            } else if (c == '\'' || c == '`' || c == '.' || c == '\u02bf' || c == '\u02be' || c == '\u2019') {
                // apostrophes, ayin/hamza marks and abbreviation dots join the word: "gama'at", "s.a." -> "sa"
            } else {
                flush(word, words, abjad);
            }
        }
        flush(word, words, abjad);
        if (hangul) {
            for (int i = 0; i < words.size(); i++) words.set(i, korean(words.get(i), i == 0));
            return new Folded(List.copyOf(words), abjad);
        }
        return new Folded(List.copyOf(ArabicNames.canonical(words)), abjad);
    }

    /** One word per Hangul syllable: Korean names are listed syllable by syllable ("KIM Jong Un"), not joined. */
    private static String syllables(String name) {
        StringBuilder b = new StringBuilder(name.length() * 2);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i > 0 && isSyllable(c) && isSyllable(name.charAt(i - 1))) b.append(' ');
            b.append(c);
        }
        return b.toString();
    }

    private static boolean isSyllable(char c) {
        return c >= '\uAC00' && c <= '\uD7A3';
    }

    /**
     * ICU writes Hangul in Revised Romanization ("gim jeong eun"); the sanctions lists use McCune-Reischauer as
     * North Korea does ("KIM Jong Un", "PAK", "RI"): eo and eu become o and u, an initial g, d, b becomes k, t, p,
     * and the family name "i" (이/리) becomes "ri".
     */
    static String korean(String w, boolean family) {
        String s = w.replace("eo", "o").replace("eu", "u");
        if (!s.isEmpty()) {
            char c = s.charAt(0);
            if (c == 'g') s = 'k' + s.substring(1);
            else if (c == 'd') s = 't' + s.substring(1);
            else if (c == 'b') s = 'p' + s.substring(1);
        }
        return family && (s.equals("i") || s.equals("li")) ? "ri" : s;
    }

    private static String toLatin(String name) {
        Transliterator t = SPARE_TO_LATIN.poll();
        if (t == null) t = Transliterator.getInstance("Any-Latin; Latin-ASCII");
        try {
            return t.transliterate(name);
        } finally {
            SPARE_TO_LATIN.offer(t);
        }
    }

    private static void flush(StringBuilder word, List<String> words, boolean abjad) {
        if (word.isEmpty()) return;
        String w = word.toString();
        word.setLength(0);
        if (abjad && w.length() > 4 && w.startsWith("al")) {
            words.add("al");
            w = w.substring(2);
        }
        words.add(abjad ? initialVowel(w) : w);
    }

    /**
     * A word-initial vowel is written on an alif, which ICU spells as a letter of its own: "اَحمد" gives "aahmd",
     * "اُسامة" "auusama". The alif is dropped before a vowel; an ayin ICU drops leaves "bd" for "عبد", which gets its a back.
     */
    private static String initialVowel(String w) {
        if (w.length() >= 3 && w.charAt(0) == 'a' && "aiu".indexOf(w.charAt(1)) >= 0) return w.substring(1);
        if (w.startsWith("bd")) return "a" + w;
        return w;
    }

    /**
     * Consonants only, spelling variants of one sound merged (c and q as k, x as ks, kh/gh/ph/th as k/g/f/t, dj as j),
     * repeats collapsed: "hussein" and "hsyn" both give "hsn", "carlos" and "karlus" give "krls".
     */
    public static String skeleton(String word) {
        StringBuilder out = new StringBuilder(word.length() + 2);
        char last = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if ("aeiouyw".indexOf(c) >= 0) continue;
            if (c == 'h' && "kgpt".indexOf(last) >= 0) {
                if (last == 'p') out.setCharAt(out.length() - 1, 'f');
                last = out.charAt(out.length() - 1);
                continue;
            }
            if (c == 'j' && last == 'd') out.setLength(out.length() - 1); // French "dj" for j: Madjid, Djamel
            if (c == 'c' || c == 'q') c = 'k';
            if (c == 'x') {
                if (last != 'k') out.append('k');
                c = 's';
            }
            if (c == last) continue;
            out.append(c);
            last = c;
        }
        return out.isEmpty() ? word.substring(0, 1) : out.toString();
    }

    static String lower(String s) { return s.toLowerCase(Locale.ROOT); }
}
