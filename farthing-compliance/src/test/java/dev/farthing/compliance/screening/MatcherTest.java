package dev.farthing.compliance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Matching behaviour on a small hand-made list, so it holds without the shared data. */
class MatcherTest {
    private static SanctionsEntry person(String id, String name, int year, String nationality, String... aliases) {
        List<ListedName> names = new java.util.ArrayList<>(List.of(new ListedName(name, true, false)));
        for (String a : aliases) names.add(new ListedName(a.replace("~", ""), false, a.startsWith("~")));
        return new SanctionsEntry(id, ListSource.OFAC_SDN, EntityType.PERSON, names, List.of(BirthDate.year(year)),
            List.of(), Set.of(nationality), Set.of(), List.of(), List.of());
    }

    private static SanctionsEntry company(String id, String name) {
        return new SanctionsEntry(id, ListSource.UN, EntityType.ORGANIZATION, List.of(new ListedName(name, true, false)),
            List.of(), List.of(), Set.of(), Set.of("IR"), List.of(), List.of());
    }

    private static final Screener SCREENER = new Screener(new ListSnapshot("v1-test", "abc", Instant.EPOCH, List.of(
        new LoadedList(ListSource.OFAC_SDN, List.of(
            person("ofac_sdn:1", "PUTIN, Vladimir Vladimirovich", 1952, "RU"),
            person("ofac_sdn:2", "AL-ZAWAHIRI, Ayman Muhammad Rabi", 1951, "EG", "~Abu Fatima"),
            person("ofac_sdn:3", "HUSSEIN, Saddam", 1937, "IQ", "صدام حسين"),
            person("ofac_sdn:4", "XI, Jinping", 1953, "CN"),
            person("ofac_sdn:5", "SMITH, John Albert", 1970, "GB")), 0, 0),
        new LoadedList(ListSource.UN, List.of(
            company("un:10", "ACME TRADING CORP"), company("un:11", "BANCO NACIONAL DE CUBA"),
            company("un:12", "GOLDEN STAR CORPORATION"), company("un:13", "SILVER MOON LLC")), 0, 0))));

    private static List<ScreeningHit> search(String name) { return SCREENER.search(ScreeningQuery.of(name)).hits(); }

    /** Best first down to 0.5: ranking on a five-person list, where every word is rare and weighs little. */
    private static List<ScreeningHit> ranked(String name) { return SCREENER.searchDownTo(ScreeningQuery.of(name), 0.5).hits(); }

    private static double best(ScreeningQuery q, String id) {
        return SCREENER.searchDownTo(q, 0.01).hits().stream().filter(h -> h.entityId().equals(id))
            .mapToDouble(ScreeningHit::score).findFirst().orElse(0);
    }

    @Test
    void legalFormWordsAloneNeverMatch() {
        assertThat(search("CORP")).isEmpty();
        assertThat(search("Corporation LLC Ltd.")).isEmpty();
        assertThat(search("Mr. Dr.")).isEmpty();
        assertThat(best(ScreeningQuery.of("Blue Sky Corp"), "un:12")).as("sharing only CORP").isLessThan(0.3);
    }

    @Test
    void scoresAreGradedAndNeverOne() {
        double exact = best(ScreeningQuery.of("Ayman Muhammad Rabi al-Zawahiri"), "ofac_sdn:2");
        double misspelt = best(ScreeningQuery.of("Ayman Muhamad Rabi al-Zawahri"), "ofac_sdn:2");
        double missingMiddle = best(ScreeningQuery.of("Ayman al-Zawahiri"), "ofac_sdn:2");
        double oneWord = best(ScreeningQuery.of("Zawahiri"), "ofac_sdn:2");
        assertThat(exact).isGreaterThan(misspelt).isLessThan(1.0);
        assertThat(misspelt).isGreaterThan(missingMiddle);
        assertThat(missingMiddle).isGreaterThan(oneWord);
        double withFacts = best(new ScreeningQuery("Ayman Muhammad Rabi al-Zawahiri", EntityType.PERSON,
            BirthDate.parseQuery("1951-06-19"), "EG", 10), "ofac_sdn:2");
        assertThat(withFacts).isGreaterThan(exact).isLessThan(1.0);
    }

    @Test
    void wordOrderAndInitialsAreTolerated() {
        assertThat(ranked("Vladimir Putin")).first().extracting(ScreeningHit::entityId).isEqualTo("ofac_sdn:1");
        assertThat(ranked("V. V. Putin")).first().extracting(ScreeningHit::entityId).isEqualTo("ofac_sdn:1");
        assertThat(best(ScreeningQuery.of("Putin Vladimir"), "ofac_sdn:1"))
            .isLessThan(best(ScreeningQuery.of("Putin, Vladimir Vladimirovich"), "ofac_sdn:1"));
    }

    @Test
    void hangulMeetsMcCuneReischauerListings() {
        Screener korean = new Screener(new ListSnapshot("v1-test", "abc", Instant.EPOCH, List.of(new LoadedList(ListSource.OFAC_SDN, List.of(
            person("ofac_sdn:20157", "KIM, Jong Un", 1984, "KP"), person("ofac_sdn:7", "PAK, Pong Ju", 1939, "KP"),
            person("ofac_sdn:8", "RI, Yong Ho", 1956, "KP"), person("ofac_sdn:1", "PUTIN, Vladimir Vladimirovich", 1952, "RU")), 0, 0))));
        // ICU's Revised Romanization gives "gimjeong-eun", "bagbongju", "iyongho"; listed as McCune-Reischauer
        assertThat(NameFolding.fold("김정은").words()).containsExactly("kim", "jong", "un");
        for (String[] q : new String[][] {{"김정은", "ofac_sdn:20157"}, {"박봉주", "ofac_sdn:7"}, {"리용호", "ofac_sdn:8"}, {"이용호", "ofac_sdn:8"}}) {
            assertThat(korean.search(ScreeningQuery.of(q[0])).hits()).as(q[0]).first().extracting(ScreeningHit::entityId).isEqualTo(q[1]);
        }
        assertThat(korean.search(ScreeningQuery.of("박지훈")).hits()).as("another Pak is not Pak Pong Ju").isEmpty();
    }

    @Test
    void otherScriptsMeetLatinListings() {
        assertThat(search("Владимир Владимирович Путин")).first().extracting(ScreeningHit::entityId).isEqualTo("ofac_sdn:1");
        assertThat(search("Айман Мухаммад Раби аль-Завахири")).first().extracting(ScreeningHit::entityId).isEqualTo("ofac_sdn:2");
        assertThat(search("习近平")).first().extracting(ScreeningHit::entityId).isEqualTo("ofac_sdn:4");
        List<ScreeningHit> arabic = search("صدام حسين");
        assertThat(arabic).first().extracting(ScreeningHit::entityId).isEqualTo("ofac_sdn:3");
    }

    @Test
    void attributesRaiseOnAgreementAndLowerOnConflict() {
        String name = "John Albert Smith";
        double plain = best(ScreeningQuery.of(name), "ofac_sdn:5");
        double agree = best(new ScreeningQuery(name, null, BirthDate.year(1970), "GB", 10), "ofac_sdn:5");
        double conflict = best(new ScreeningQuery(name, null, BirthDate.year(1995), "US", 10), "ofac_sdn:5");
        double wrongType = best(new ScreeningQuery(name, EntityType.ORGANIZATION, null, null, 10), "ofac_sdn:5");
        assertThat(agree).isGreaterThan(plain);
        assertThat(conflict).isLessThan(plain - 0.15).isLessThan(SCREENER.alertThreshold());
        assertThat(wrongType).isLessThan(plain);
    }

    @Test
    void weakAliasesScoreLowerThanStrongNames() {
        ScreeningHit weak = SCREENER.searchDownTo(ScreeningQuery.of("Abu Fatima"), 0.01).hits().getFirst();
        assertThat(weak.matchedName()).isEqualTo("Abu Fatima");
        assertThat(weak.score()).isLessThan(0.92);
        assertThat(weak.explanation()).anyMatch(x -> x.contains("weak (low-quality) alias"));
    }

    @Test
    void everyHitExplainsItselfInWords() {
        ScreeningHit hit = SCREENER.searchDownTo(new ScreeningQuery("Saddam Husein", EntityType.PERSON,
            BirthDate.year(1980), "IQ", 10), 0.3).hits().getFirst();
        assertThat(hit.entityId()).isEqualTo("ofac_sdn:3");
        assertThat(hit.list()).isEqualTo(ListSource.OFAC_SDN);
        assertThat(hit.name()).isEqualTo("HUSSEIN, Saddam");
        assertThat(hit.explanation())
            .anyMatch(x -> x.startsWith("'husein' matched 'hussein'"))
            .anyMatch(x -> x.startsWith("birth year 1980 conflicts with listed 1937"))
            .anyMatch(x -> x.startsWith("country Iraq agrees with the listed nationality"));
        assertThat(SCREENER.search(ScreeningQuery.of("Saddam Hussein")).listVersion()).isEqualTo("v1-test");
    }

    @Test
    void hitsAreBestFirstAboveTheThresholdAndLimited() {
        List<ScreeningHit> hits = SCREENER.searchDownTo(new ScreeningQuery("Golden Moon Trading", null, null, null, 2), 0.05).hits();
        assertThat(hits).hasSizeLessThanOrEqualTo(2);
        assertThat(hits).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        assertThat(SCREENER.search(ScreeningQuery.of("Golden Moon Trading")).hits())
            .allSatisfy(h -> assertThat(h.score()).isGreaterThanOrEqualTo(SCREENER.alertThreshold()));
    }
}
