package dev.farthing.compliance.screening;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Queries for listed people with Arabic, Persian or Urdu names, romanized the way another system or another
 * clerk would write them: the article as al-, el-, ul-, attached, assimilated to a sun letter (ad-Din, ar-Rahman)
 * or left out; Abd al-X as Abdul X, Abdel X, AbdulX, Abdur X; bin, ibn, ben; the many spellings of Muhammad;
 * vowels as English, French or German spellings write them (u/o/ou, i/e/ee, ay/ai/ei, final -a/-ah); consonants
 * q/k, j/dj, sh/ch, dh/z, doubled or single; family name first or last. Written from romanization practice
 * (ALA-LC, English, French and Indo-Persian usage), with no code shared with the matcher, and seeded.
 */
final class ArabicRomanizations {
    private static final Set<String> COUNTRIES = Set.of("SA", "IQ", "SY", "YE", "LB", "JO", "EG", "LY", "TN", "DZ",
        "MA", "SD", "SO", "AE", "QA", "KW", "BH", "OM", "PS", "IR", "AF", "PK", "MR", "ML", "NE");
    private static final Set<String> MARKERS = Set.of("al", "el", "bin", "ibn", "abd", "abdul", "abdel", "muhammad",
        "mohammed", "mohammad", "mohamed", "ahmad", "ahmed", "abdullah", "abdallah");
    private static final String[] MUHAMMAD = {"muhammad", "mohammed", "mohamed", "mohammad", "muhammed", "mohamad",
        "mouhamed", "mohd"};
    private static final String[] ABDULLAH = {"abdullah", "abdallah", "abdellah", "abd allah", "abdulla", "abdalla"};
    private static final String[] SON_OF = {"bin", "ibn", "ben", "bin"};
    /** Letters the article assimilates to (the "sun letters") as romanized. */
    private static final String[] SUN = {"sh", "th", "dh", "t", "d", "r", "z", "s", "n"};
    private static final String[][] VOWELS = {{"ou", "u", "o"}, {"u", "o", "ou"}, {"o", "u", "ou"}, {"ee", "i", "e"},
        {"i", "e", "ee"}, {"e", "i", "a"}, {"ay", "ai", "ei"}, {"ai", "ay", "ei"}, {"ei", "ay", "ai"}, {"aw", "au", "ow"},
        {"au", "aw", "ow"}, {"aa", "a"}, {"oo", "u"}};
    private static final String[][] CONSONANTS = {{"q", "k"}, {"k", "q"}, {"j", "dj"}, {"sh", "ch"}, {"dh", "z"},
        {"gh", "g"}, {"ss", "s"}, {"mm", "m"}, {"dd", "d"}, {"yy", "y"}, {"ll", "l"}, {"tt", "t"}};

    private final Random random;

    ArabicRomanizations(long seed) {
        this.random = new Random(seed);
    }

    List<PerturbedQueries.Case> generate(List<SanctionsEntry> entries, int count) {
        List<SanctionsEntry> arabic = entries.stream().filter(e -> e.type() == EntityType.PERSON && looksArabic(e)).toList();
        List<PerturbedQueries.Case> cases = new ArrayList<>(count);
        int attempts = 0;
        while (cases.size() < count && attempts++ < count * 50) {
            SanctionsEntry e = arabic.get(random.nextInt(arabic.size()));
            List<ListedName> strong = e.names().stream().filter(n -> !n.weak() && n.text().chars().allMatch(c -> c < 0x250)).toList();
            if (strong.isEmpty()) continue;
            ListedName listed = random.nextDouble() < 0.7 ? strong.getFirst() : strong.get(random.nextInt(strong.size()));
            List<String> words = words(listed.text());
            if (words.isEmpty()) continue;
            List<String> applied = new ArrayList<>();
            int changes = 1 + random.nextInt(3);
            for (int c = 0; c < changes * 3 && applied.size() < changes; c++) {
                String done = switch (random.nextInt(7)) {
                    case 0 -> article(words);
                    case 1 -> abd(words);
                    case 2 -> sonOf(words);
                    case 3 -> muhammad(words);
                    case 4 -> vowel(words);
                    case 5 -> consonant(words);
                    default -> reorder(words);
                };
                if (done != null) applied.add(done);
                // a form may be two words ("abd allah", "al rahman"): split it before the next change
                List<String> split = new ArrayList<>();
                for (String w : words) for (String part : w.split(" ")) if (!part.isEmpty()) split.add(part);
                words = split;
            }
            if (applied.isEmpty()) continue;
            String name = String.join(" ", words).trim();
            if (name.isBlank()) continue;
            BirthDate dob = null;
            if (!e.birthDates().isEmpty() && random.nextBoolean()) {
                BirthDate d = e.birthDates().get(random.nextInt(e.birthDates().size()));
                dob = BirthDate.year(d.fromYear() + random.nextInt(d.toYear() - d.fromYear() + 1));
                applied.add("birth year");
            }
            String country = null;
            if (!e.nationalities().isEmpty() && random.nextBoolean()) {
                country = e.nationalities().stream().sorted().toList().get(random.nextInt(e.nationalities().size()));
                applied.add("nationality");
            }
            cases.add(new PerturbedQueries.Case(new ScreeningQuery(name, random.nextBoolean() ? EntityType.PERSON : null,
                dob, country, 100), e.entityId(), listed.text(), String.join(", ", applied)));
        }
        return cases;
    }

    private static boolean looksArabic(SanctionsEntry e) {
        if (e.nationalities().stream().anyMatch(COUNTRIES::contains)) return true;
        return e.names().stream().anyMatch(n -> words(n.text()).stream()
            .anyMatch(w -> MARKERS.contains(w) || w.startsWith("al-") || w.startsWith("abd")));
    }

    /** Lower case, commas and dots dropped, hyphens kept (they carry the article: al-Rahman). */
    private static List<String> words(String listed) {
        List<String> out = new ArrayList<>();
        for (String w : listed.toLowerCase(Locale.ROOT).replaceAll("[,.()\"]", " ").split("\\s+")) {
            if (!w.isBlank()) out.add(w);
        }
        return out;
    }

    private String article(List<String> words) {
        for (int i : shuffledIndexes(words.size())) {
            String w = words.get(i);
            String rest;
            if (w.startsWith("al-") || w.startsWith("el-")) rest = w.substring(3);
            else if ((w.equals("al") || w.equals("el")) && i + 1 < words.size()) {
                rest = words.remove(i + 1);
            } else continue;
            if (rest.isEmpty()) continue;
            String sun = null;
            for (String s : SUN) if (rest.startsWith(s)) { sun = s; break; }
            List<String> forms = new ArrayList<>(List.of("al-" + rest, "el-" + rest, "al " + rest, "al" + rest, rest, "ul-" + rest));
            if (sun != null) forms.addAll(List.of("a" + sun + "-" + rest, "a" + sun + " " + rest, "e" + sun + "-" + rest));
            words.set(i, forms.get(random.nextInt(forms.size())));
            return "article";
        }
        return null;
    }

    private String abd(List<String> words) {
        for (int i : shuffledIndexes(words.size())) {
            String w = words.get(i);
            for (String a : ABDULLAH) {
                if (w.equals(a) || (a.equals("abd allah") && w.equals("abd") && i + 1 < words.size() && words.get(i + 1).equals("allah"))) {
                    if (a.equals("abd allah")) words.remove(i + 1);
                    words.set(i, ABDULLAH[random.nextInt(ABDULLAH.length)]);
                    return "abdullah";
                }
            }
            String rest = null;
            if (w.equals("abd") && i + 1 < words.size()) {
                String next = words.get(i + 1);
                if (next.startsWith("al-") || next.startsWith("el-")) { rest = next.substring(3); words.remove(i + 1); }
                else if ((next.equals("al") || next.equals("el")) && i + 2 < words.size()) { rest = words.get(i + 2); words.remove(i + 1); words.remove(i + 1); }
            } else if (w.startsWith("abd-al-") || w.startsWith("abd-el-")) rest = w.substring(7);
            else if ((w.equals("abdul") || w.equals("abdel") || w.equals("abdal")) && i + 1 < words.size()) { rest = words.get(i + 1); words.remove(i + 1); }
            else if (w.startsWith("abdul") && w.length() > 7 && !w.matches(".*(ovich|evich|ovna|evna|ov|ova|ev|eva|in|ina)")) {
                rest = w.substring(5); // not a Russian patronymic or surname made from the name (Abdulovich)
            }
            if (rest != null && rest.startsWith("-")) rest = rest.substring(1);
            if (rest == null || rest.isEmpty()) continue;
            String sun = null;
            for (String s : SUN) if (rest.startsWith(s)) { sun = s; break; }
            List<String> forms = new ArrayList<>(List.of("abd al-" + rest, "abdul " + rest, "abdel " + rest, "abdul" + rest,
                "abdel" + rest, "abd-al-" + rest, "abdal " + rest, "abd el " + rest));
            if (sun != null) forms.addAll(List.of("abd" + (random.nextBoolean() ? "u" : "e") + sun + " " + rest, "abdu" + sun + rest));
            words.set(i, forms.get(random.nextInt(forms.size())));
            return "abd al-";
        }
        return null;
    }

    private String sonOf(List<String> words) {
        for (int i : shuffledIndexes(words.size())) {
            String w = words.get(i);
            if (w.equals("bin") || w.equals("ibn") || w.equals("ben") || w.equals("bn")) {
                words.set(i, SON_OF[random.nextInt(SON_OF.length)]);
                return "bin/ibn/ben";
            }
            if (w.equals("bint") || w.equals("bent")) {
                words.set(i, w.equals("bint") ? "bent" : "bint");
                return "bint/bent";
            }
        }
        return null;
    }

    private String muhammad(List<String> words) {
        for (int i : shuffledIndexes(words.size())) {
            for (String m : MUHAMMAD) {
                if (words.get(i).equals(m)) {
                    words.set(i, MUHAMMAD[random.nextInt(MUHAMMAD.length - (random.nextInt(4) == 0 ? 0 : 1))]);
                    return "muhammad";
                }
            }
        }
        return null;
    }

    private String vowel(List<String> words) {
        return replaceOne(words, VOWELS, "vowels");
    }

    private String consonant(List<String> words) {
        String done = replaceOne(words, CONSONANTS, "consonants");
        if (done != null) return done;
        // a final -a written -ah, or the -ah dropped (Fatima/Fatimah)
        for (int i : shuffledIndexes(words.size())) {
            String w = words.get(i);
            if (w.length() >= 4 && w.endsWith("ah")) { words.set(i, w.substring(0, w.length() - 1)); return "final -ah"; }
            if (w.length() >= 4 && w.endsWith("a")) { words.set(i, w + "h"); return "final -ah"; }
        }
        return null;
    }

    /** One site in one word (not its first letter) spelt another way the table gives. */
    private String replaceOne(List<String> words, String[][] table, String what) {
        for (int i : shuffledIndexes(words.size())) {
            String w = words.get(i);
            if (w.length() < 4) continue;
            List<int[]> sites = new ArrayList<>();
            for (int t = 0; t < table.length; t++) {
                for (int p = w.indexOf(table[t][0], 1); p >= 0; p = w.indexOf(table[t][0], p + 1)) sites.add(new int[] {t, p});
            }
            if (sites.isEmpty()) continue;
            int[] site = sites.get(random.nextInt(sites.size()));
            String[] row = table[site[0]];
            String to = row[1 + random.nextInt(row.length - 1)];
            words.set(i, w.substring(0, site[1]) + to + w.substring(site[1] + row[0].length()));
            return what;
        }
        return null;
    }

    private String reorder(List<String> words) {
        if (words.size() < 2) return null;
        // family name moved from first to last or back, the rest in order
        if (random.nextBoolean()) words.add(words.removeFirst());
        else words.addFirst(words.removeLast());
        return "family name moved";
    }

    private List<Integer> shuffledIndexes(int n) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < n; i++) idx.add(i);
        Collections.shuffle(idx, random);
        return idx;
    }
}
