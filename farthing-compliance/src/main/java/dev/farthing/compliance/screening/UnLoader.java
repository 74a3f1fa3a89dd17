package dev.farthing.compliance.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Loads the UN Security Council consolidated list (XML): INDIVIDUAL and ENTITY records with their aliases
 * (quality "Good"/"a.k.a." strong, "Low" weak), names in original script, dates and places of birth,
 * nationalities, addresses and documents. External entities are refused (the file comes from outside).
 */
public final class UnLoader {
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2}).*");

    private UnLoader() {}

    public static LoadedList load(Path file) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<SanctionsEntry> entries = new ArrayList<>();
        int skipped = 0;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT) continue;
                String name = reader.getLocalName();
                if (!name.equals("INDIVIDUAL") && !name.equals("ENTITY")) continue;
                XmlNode record = XmlNode.read(reader);
                SanctionsEntry entry = toEntry(record, name.equals("INDIVIDUAL"));
                if (entry == null) skipped++;
                else entries.add(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("not a readable UN consolidated list: " + file + ": " + e.getMessage(), e);
        }
        return new LoadedList(ListSource.UN, entries, 0, skipped);
    }

    private static SanctionsEntry toEntry(XmlNode r, boolean individual) {
        String id = r.text("DATAID");
        List<String> parts = new ArrayList<>();
        for (String field : List.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")) {
            if (!r.text(field).isEmpty()) parts.add(r.text(field));
        }
        if (id.isEmpty() || parts.isEmpty()) return null;
        List<ListedName> names = new ArrayList<>();
        names.add(new ListedName(String.join(" ", parts), true, false));
        String original = r.text("NAME_ORIGINAL_SCRIPT");
        if (!original.isEmpty()) names.add(new ListedName(original, false, false));
        for (XmlNode alias : r.all(individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) {
            String aliasName = alias.text("ALIAS_NAME");
            if (aliasName.isEmpty()) continue;
            boolean weak = alias.text("QUALITY").equalsIgnoreCase("Low");
            names.add(new ListedName(aliasName, false, weak));
        }
        Set<String> nationalities = new LinkedHashSet<>();
        for (String n : r.values("NATIONALITY")) Countries.code(n).ifPresent(nationalities::add);
        Set<String> countries = new LinkedHashSet<>();
        for (XmlNode address : r.all(individual ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS")) {
            Countries.code(address.text("COUNTRY")).ifPresent(countries::add);
        }
        List<BirthDate> birthDates = new ArrayList<>();
        for (XmlNode dob : r.all("INDIVIDUAL_DATE_OF_BIRTH")) birthDate(dob).ifPresent(birthDates::add);
        List<String> birthPlaces = new ArrayList<>();
        for (XmlNode pob : r.all("INDIVIDUAL_PLACE_OF_BIRTH")) {
            List<String> place = new ArrayList<>();
            for (String f : List.of("CITY", "STATE_PROVINCE", "COUNTRY")) if (!pob.text(f).isEmpty()) place.add(pob.text(f));
            if (!place.isEmpty()) birthPlaces.add(String.join(", ", place));
            Countries.code(pob.text("COUNTRY")).ifPresent(countries::add);
        }
        List<String> documents = new ArrayList<>();
        for (XmlNode doc : r.all("INDIVIDUAL_DOCUMENT")) {
            String number = doc.text("NUMBER");
            if (number.isEmpty()) continue;
            String country = doc.text("ISSUING_COUNTRY").isEmpty() ? doc.text("COUNTRY_OF_ISSUE") : doc.text("ISSUING_COUNTRY");
            documents.add(doc.text("TYPE_OF_DOCUMENT") + " " + number + (country.isEmpty() ? "" : " (" + country + ")"));
        }
        List<String> programs = r.text("UN_LIST_TYPE").isEmpty() ? List.of() : List.of(r.text("UN_LIST_TYPE"));
        return new SanctionsEntry("un:" + id, ListSource.UN, individual ? EntityType.PERSON : EntityType.ORGANIZATION,
            names, birthDates, birthPlaces, nationalities, countries, documents, programs);
    }

    private static java.util.Optional<BirthDate> birthDate(XmlNode dob) {
        String kind = dob.text("TYPE_OF_DATE");
        Matcher date = ISO_DATE.matcher(dob.text("DATE"));
        if (date.matches()) {
            int year = Integer.parseInt(date.group(1));
            if (kind.equals("APPROXIMATELY")) return java.util.Optional.of(new BirthDate(year - 1, year + 1, 0, 0));
            return java.util.Optional.of(new BirthDate(year, year, Integer.parseInt(date.group(2)), Integer.parseInt(date.group(3))));
        }
        try {
            if (!dob.text("YEAR").isEmpty()) {
                int year = Integer.parseInt(dob.text("YEAR"));
                int slack = kind.equals("APPROXIMATELY") ? 1 : 0;
                return java.util.Optional.of(new BirthDate(year - slack, year + slack, 0, 0));
            }
            if (!dob.text("FROM_YEAR").isEmpty() && !dob.text("TO_YEAR").isEmpty()) {
                return java.util.Optional.of(new BirthDate(Integer.parseInt(dob.text("FROM_YEAR")),
                    Integer.parseInt(dob.text("TO_YEAR")), 0, 0));
            }
        } catch (IllegalArgumentException malformed) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.empty();
    }
}
