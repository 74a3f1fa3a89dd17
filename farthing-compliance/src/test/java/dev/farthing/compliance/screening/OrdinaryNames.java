package dev.farthing.compliance.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Ordinary customers, never taken from the lists: first and last names from Datafaker's per-country name tables
 * (in their own scripts where the country writes one), a birth date and the country as nationality, and a share
 * of ordinary company names.
 */
final class OrdinaryNames {
    private record Country(String locale, String code) {}

    private static final List<Country> COUNTRIES = List.of(
        new Country("en-US", "US"), new Country("en-GB", "GB"), new Country("de", "DE"), new Country("fr", "FR"),
        new Country("es", "ES"), new Country("es-MX", "MX"), new Country("it", "IT"), new Country("pl", "PL"),
        new Country("ru", "RU"), new Country("uk", "UA"), new Country("tr", "TR"), new Country("zh-CN", "CN"),
        new Country("ja", "JP"), new Country("ko", "KR"), new Country("pt-BR", "BR"), new Country("nl", "NL"),
        new Country("sv", "SE"), new Country("fa", "IR"), new Country("ar", "SA"), new Country("he", "IL"),
        new Country("en-IN", "IN"), new Country("en-PAK", "PK"), new Country("id", "ID"), new Country("vi", "VN"),
        new Country("en-NG", "NG"));

    private final Random random;
    private final List<Faker> fakers = new ArrayList<>();

    OrdinaryNames(long seed) {
        this.random = new Random(seed);
        for (Country c : COUNTRIES) fakers.add(new Faker(Locale.forLanguageTag(c.locale), new Random(random.nextLong())));
    }

    List<ScreeningQuery> generate(int count) {
        List<ScreeningQuery> out = new ArrayList<>(count);
        while (out.size() < count) {
            int c = random.nextInt(COUNTRIES.size());
            Faker f = fakers.get(c);
            String code = COUNTRIES.get(c).code;
            if (random.nextDouble() < 0.1) {
                out.add(new ScreeningQuery(f.company().name(), EntityType.ORGANIZATION, null, code, 10));
                continue;
            }
            String name = random.nextDouble() < 0.3
                ? f.name().firstName() + " " + f.name().firstName() + " " + f.name().lastName()
                : f.name().firstName() + " " + f.name().lastName();
            LocalDate born = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(65 * 365));
            BirthDate dob = random.nextBoolean() ? BirthDate.year(born.getYear())
                : new BirthDate(born.getYear(), born.getYear(), born.getMonthValue(), born.getDayOfMonth());
            out.add(new ScreeningQuery(name, random.nextBoolean() ? EntityType.PERSON : null, dob, code, 10));
        }
        return out;
    }
}
