package dev.farthing.compliance.screening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads OFAC's SDN list from its CSV set in one folder: sdn.csv (required), alt.csv (aliases) and add.csv
 * (addresses), joined on ent_num. Alias and address rows that join no entry are counted and dropped.
 */
public final class OfacLoader {
    static final List<String> FILES = List.of("sdn.csv", "alt.csv", "add.csv");

    private OfacLoader() {}

    public static LoadedList load(Path dir) {
        Path sdn = dir.resolve("sdn.csv");
        if (!Files.isRegularFile(sdn)) throw new IllegalArgumentException("no sdn.csv in " + dir);
        Map<String, Builder> byId = new LinkedHashMap<>();
        int skipped = 0;
        for (List<String> row : read(sdn)) {
            // ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks
            if (row.size() < 2 || row.get(0).isEmpty() || row.get(1).isEmpty()) { skipped++; continue; }
            byId.put(row.get(0), new Builder(row));
        }
        int orphans = 0;
        Path alt = dir.resolve("alt.csv");
        if (Files.isRegularFile(alt)) {
            for (List<String> row : read(alt)) {
                // ent_num, alt_num, alt_type (aka/fka/nka), alt_name, alt_remarks
                if (row.size() < 4 || row.get(3).isEmpty()) { skipped++; continue; }
                Builder entry = byId.get(row.get(0));
                if (entry == null) { orphans++; continue; }
                entry.aliases.add(new ListedName(row.get(3), false, false));
            }
        }
        Path add = dir.resolve("add.csv");
        if (Files.isRegularFile(add)) {
            for (List<String> row : read(add)) {
                // ent_num, add_num, address, city/state/postal, country, add_remarks
                if (row.size() < 5) { skipped++; continue; }
                Builder entry = byId.get(row.get(0));
                if (entry == null) { orphans++; continue; }
                Countries.code(row.get(4)).ifPresent(entry.countries::add);
            }
        }
        List<SanctionsEntry> entries = new ArrayList<>(byId.size());
        for (Builder b : byId.values()) entries.add(b.build());
        return new LoadedList(ListSource.OFAC_SDN, entries, orphans, skipped);
    }

    private static List<List<String>> read(Path file) {
        try {
            return OfacCsv.parse(OfacCsv.decode(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    private static final class Builder {
        final List<String> row;
        final List<ListedName> aliases = new ArrayList<>();
        final Set<String> countries = new LinkedHashSet<>();

        Builder(List<String> row) { this.row = row; }

        String field(int i) { return i < row.size() ? row.get(i) : ""; }

        SanctionsEntry build() {
            EntityType type = switch (field(2).toLowerCase(java.util.Locale.ROOT)) {
                case "individual" -> EntityType.PERSON;
                case "vessel" -> EntityType.VESSEL;
                case "aircraft" -> EntityType.AIRCRAFT;
                default -> EntityType.ORGANIZATION;
            };
            OfacRemarks facts = OfacRemarks.parse(field(11));
            List<ListedName> names = new ArrayList<>();
            names.add(new ListedName(field(1), true, false));
            names.addAll(aliases);
            for (String weak : facts.weakAliases) names.add(new ListedName(weak, false, true));
            Set<String> allCountries = new LinkedHashSet<>(countries);
            allCountries.addAll(facts.birthCountries);
            Countries.code(field(9)).ifPresent(allCountries::add);
            List<String> programs = field(3).isEmpty() ? List.of() : List.of(field(3).split("\\]\\s*\\[|\\s+"));
            return new SanctionsEntry("ofac_sdn:" + field(0), ListSource.OFAC_SDN, type, names, facts.birthDates,
                facts.birthPlaces, facts.nationalities, allCountries, facts.documents, programs);
        }
    }
}
