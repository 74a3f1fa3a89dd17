package dev.farthing.compliance.screening;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the country names lists use ("Korea, North", "Iran (Islamic Republic of)", "Russian Federation") and
 * ISO 3166 alpha-2 codes to one alpha-2 code, so a query's {@code country} meets a listing's nationality.
 * Built from the JDK's English country names plus the spellings the OFAC and UN lists use.
 */
public final class Countries {
    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            BY_NAME.put(key(Locale.of("", code).getDisplayCountry(Locale.ENGLISH)), code);
        }
        String[][] aliases = {
            {"korea north", "KP"}, {"north korea", "KP"}, {"democratic peoples republic of korea", "KP"},
            {"korea south", "KR"}, {"south korea", "KR"}, {"republic of korea", "KR"},
            {"iran islamic republic of", "IR"}, {"russian federation", "RU"}, {"syrian arab republic", "SY"},
            {"burma", "MM"}, {"congo democratic republic of the", "CD"}, {"democratic republic of the congo", "CD"},
            {"congo republic of the", "CG"}, {"republic of the congo", "CG"}, {"palestinian", "PS"},
            {"state of palestine", "PS"}, {"west bank", "PS"}, {"gaza", "PS"}, {"palestine", "PS"},
            {"united kingdom of great britain and northern ireland", "GB"}, {"united kingdom", "GB"},
            {"united states of america", "US"}, {"united states", "US"}, {"usa", "US"},
            {"united republic of tanzania", "TZ"}, {"tanzania", "TZ"}, {"turkey", "TR"}, {"turkiye", "TR"},
            {"north macedonia the republic of", "MK"}, {"macedonia", "MK"}, {"the gambia", "GM"},
            {"gambia", "GM"}, {"cote d ivoire", "CI"}, {"ivory coast", "CI"}, {"laos", "LA"},
            {"lao peoples democratic republic", "LA"}, {"vietnam", "VN"}, {"viet nam", "VN"},
            {"venezuela bolivarian republic of", "VE"}, {"bolivia plurinational state of", "BO"},
            {"moldova republic of", "MD"}, {"republic of moldova", "MD"}, {"kosovo", "XK"},
            {"czech republic", "CZ"}, {"czechia", "CZ"}, {"taiwan", "TW"}, {"hong kong", "HK"},
            {"macau", "MO"}, {"brunei", "BN"}, {"cabo verde", "CV"}, {"cape verde", "CV"}, {"eswatini", "SZ"},
            {"swaziland", "SZ"}, {"holland", "NL"}, {"the netherlands", "NL"}, {"uae", "AE"},
            {"united arab emirates", "AE"}, {"region crimea", "UA"}, {"crimea", "UA"}, {"yugoslavia", "RS"},
        };
        for (String[] alias : aliases) BY_NAME.put(alias[0], alias[1]);
    }

    private Countries() {}

    /** The alpha-2 code for a country name or code, or empty when it is not a country this table knows. */
    public static Optional<String> code(String nameOrCode) {
        if (nameOrCode == null) return Optional.empty();
        String trimmed = nameOrCode.trim();
        if (trimmed.length() == 2 && trimmed.chars().allMatch(Character::isLetter)) {
            String upper = trimmed.toUpperCase(Locale.ROOT);
            if ("XK".equals(upper) || Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).contains(upper)) {
                return Optional.of(upper);
            }
        }
        String k = key(trimmed);
        if (k.startsWith("possibly ")) k = k.substring("possibly ".length());
        return Optional.ofNullable(BY_NAME.get(k));
    }

    /** The English name of a code, for explanations. */
    public static String displayName(String code) {
        if ("XK".equals(code)) return "Kosovo";
        String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }

    private static String key(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ").trim();
    }
}
