package dev.farthing.compliance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfacLoaderTest {
    @TempDir Path dir;

    @Test
    void readsTheSdnQuirks() throws IOException {
        write("sdn.csv", "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'AERO C'.\"\r\n"
            + "2676,\"AL ZAWAHIRI, Dr. Ayman\",\"individual\",\"SDGT\",\"Leader, \"\"JIHAD\"\"\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
            + "\"DOB 19 Jun 1951; alt. DOB circa 1952; POB Giza, Egypt; nationality Egypt; Passport 1084010 (Egypt).\"\r\n\u001a");
        write("alt.csv", "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n99999,13,\"aka\",\"NOBODY\",-0- \r\n\u001a");
        write("add.csv", "36,25,-0- ,\"Havana\",\"Cuba\",-0- \r\n88888,26,-0- ,\"X\",\"Iran\",-0- \r\n\u001a");
        LoadedList list = OfacLoader.load(dir);
        assertThat(list.entries()).hasSize(2);
        assertThat(list.orphanRows()).as("alias and address rows joining no entry").isEqualTo(2);
        SanctionsEntry airline = list.entries().get(0);
        assertThat(airline.entityId()).isEqualTo("ofac_sdn:36");
        assertThat(airline.type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(airline.names()).extracting(ListedName::text).containsExactly("AEROCARIBBEAN AIRLINES", "AERO-CARIBBEAN", "AERO C");
        assertThat(airline.names().get(2).weak()).as("a single-quoted a.k.a. in remarks is a weak alias").isTrue();
        assertThat(airline.countries()).containsExactly("CU");
        SanctionsEntry person = list.entries().get(1);
        assertThat(person.type()).isEqualTo(EntityType.PERSON);
        assertThat(person.birthDates()).containsExactly(new BirthDate(1951, 1951, 6, 19), new BirthDate(1951, 1953, 0, 0));
        assertThat(person.nationalities()).containsExactly("EG");
        assertThat(person.birthPlaces()).containsExactly("Giza, Egypt");
        assertThat(person.documents()).containsExactly("Passport 1084010 (Egypt)");
        assertThat(person.programs()).containsExactly("SDGT");
    }

    @Test
    void loadsTheSharedSdnList() {
        LoadedList list = OfacLoader.load(SharedLists.ofac2024());
        assertThat(list.entries()).hasSize(14_965);
        assertThat(list.aliasCount()).isGreaterThan(19_000);
        assertThat(list.orphanRows()).as("the 2025 alt/add copies carry rows for entries added after 2024-05").isPositive();
        assertThat(list.skippedRows()).isZero();
        assertThat(list.entries()).allSatisfy(e -> assertThat(e.names()).noneMatch(n -> n.text().contains("-0-") || n.text().contains("\u001a")));
        SanctionsEntry zawahiri = list.entries().stream().filter(e -> e.entityId().equals("ofac_sdn:2676")).findFirst().orElseThrow();
        assertThat(zawahiri.birthDates()).contains(new BirthDate(1951, 1951, 6, 19));
        LoadedList older = OfacLoader.load(SharedLists.ofac2021());
        assertThat(older.entries()).hasSize(8_976);
    }

    private void write(String name, String text) throws IOException {
        Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }
}
