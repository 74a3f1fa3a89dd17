package dev.farthing.compliance.screening;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Queries for listed people and entities, made from the lists with a seeded generator the way they arrive in
 * practice: words reordered, written in Cyrillic or Arabic script (ICU's Latin-Cyrillic, Latin-Arabic), one word
 * misspelt, a middle name left out, with or without the birth year and nationality.
 */
final class PerturbedQueries {
    record Case(ScreeningQuery query, String expectedEntityId, String listedName, String perturbation) {}

    private static final String[] SCRIPTS = {"Latin-Cyrillic", "Latin-Arabic"};
    private final Random random;
    private final Transliterator[] scripts = new Transliterator[SCRIPTS.length];

    PerturbedQueries(long seed) {
        this.random = new Random(seed);
        for (int i = 0; i < SCRIPTS.length; i++) scripts[i] = Transliterator.getInstance(SCRIPTS[i]);
    }

    List<Case> generate(List<SanctionsEntry> entries, int count) {
        List<SanctionsEntry> searchable = entries.stream()
            .filter(e -> e.type() == EntityType.PERSON || e.type() == EntityType.ORGANIZATION).toList();
        List<Case> cases = new ArrayList<>(count);
        while (cases.size() < count) {
            SanctionsEntry e = searchable.get(random.nextInt(searchable.size()));
            List<ListedName> strong = e.names().stream().filter(n -> !n.weak() && isLatin(n.text())).toList();
            if (strong.isEmpty()) continue;
            ListedName listed = random.nextDouble() < 0.7 ? strong.getFirst() : strong.get(random.nextInt(strong.size()));
            List<String> words = new ArrayList<>(NameFolding.fold(listed.text()).words());
            if (words.isEmpty()) continue;
            List<String> applied = new ArrayList<>();
            int changes = 1 + random.nextInt(2);
            boolean dropped = false;
            for (int c = 0; c < changes; c++) {
                switch (random.nextInt(4)) {
                    case 0 -> { if (words.size() > 1) { Collections.shuffle(words, random); applied.add("reordered"); } }
                    case 1 -> { if (misspell(words)) applied.add("misspelt"); }
                    case 2 -> {
                        if (!dropped && words.size() >= 3 && e.type() == EntityType.PERSON) {
                            dropped = true;
                            words.remove(1 + random.nextInt(words.size() - 2));
                            applied.add("middle name dropped");
                        }
                    }
                    default -> applied.add("as listed");
                }
            }
            String name = String.join(" ", words);
            if (random.nextDouble() < 0.25) {
                int s = random.nextInt(scripts.length);
                name = scripts[s].transliterate(name);
                // Arabic writes a word-initial vowel on an alif; ICU's Latin-Arabic leaves the bare vowel mark
                if (SCRIPTS[s].equals("Latin-Arabic")) name = name.replaceAll("(^|\\s)([\\u064E-\\u0650])", "$1\u0627$2");
                applied.add("in " + SCRIPTS[s].substring(6));
            }
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
            EntityType type = random.nextBoolean() ? e.type() : null;
            if (name.isBlank()) continue;
            cases.add(new Case(new ScreeningQuery(name, type, dob, country, 100), e.entityId(), listed.text(),
                String.join(", ", applied)));
        }
        return cases;
    }

    private boolean misspell(List<String> words) {
        List<Integer> long5 = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) if (words.get(i).length() >= 5) long5.add(i);
        if (long5.isEmpty()) return false;
        int w = long5.get(random.nextInt(long5.size()));
        StringBuilder sb = new StringBuilder(words.get(w));
        int p = 1 + random.nextInt(sb.length() - 2);
        switch (random.nextInt(4)) {
            case 0 -> sb.setCharAt(p, (char) ('a' + random.nextInt(26)));
            case 1 -> sb.deleteCharAt(p);
            case 2 -> { char c = sb.charAt(p); sb.setCharAt(p, sb.charAt(p + 1)); sb.setCharAt(p + 1, c); }
            default -> sb.insert(p, sb.charAt(p));
        }
        words.set(w, sb.toString());
        return true;
    }

    private static boolean isLatin(String s) {
        return s.chars().allMatch(c -> c < 0x250);
    }
}
