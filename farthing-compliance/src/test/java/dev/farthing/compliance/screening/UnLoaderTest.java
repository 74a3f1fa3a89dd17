package dev.farthing.compliance.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnLoaderTest {
    @TempDir Path dir;

    @Test
    void readsIndividualsAndEntities() throws IOException {
        Path file = dir.resolve("un.xml");
        Files.writeString(file, """
            <?xml version="1.0" encoding="UTF-8"?>
            <CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>
              <DATAID>6908048</DATAID><FIRST_NAME>SADDAM</FIRST_NAME><SECOND_NAME>HUSSEIN</SECOND_NAME>
              <THIRD_NAME>AL-TIKRITI</THIRD_NAME><UN_LIST_TYPE>Iraq</UN_LIST_TYPE>
              <NAME_ORIGINAL_SCRIPT>صدام حسين التكريتي</NAME_ORIGINAL_SCRIPT>
              <NATIONALITY><VALUE>Iraq</VALUE></NATIONALITY>
              <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Abu Ali</ALIAS_NAME></INDIVIDUAL_ALIAS>
              <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Abu Udai</ALIAS_NAME></INDIVIDUAL_ALIAS>
              <INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>
              <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1937-04-28</DATE></INDIVIDUAL_DATE_OF_BIRTH>
              <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE><YEAR>1939</YEAR></INDIVIDUAL_DATE_OF_BIRTH>
              <INDIVIDUAL_PLACE_OF_BIRTH><CITY>al-Awja</CITY><COUNTRY>Iraq</COUNTRY></INDIVIDUAL_PLACE_OF_BIRTH>
              <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>A123</NUMBER><ISSUING_COUNTRY>Iraq</ISSUING_COUNTRY></INDIVIDUAL_DOCUMENT>
            </INDIVIDUAL></INDIVIDUALS><ENTITIES><ENTITY>
              <DATAID>110</DATAID><FIRST_NAME>AL-QAIDA</FIRST_NAME>
              <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>The Base</ALIAS_NAME></ENTITY_ALIAS>
              <ENTITY_ADDRESS><COUNTRY>Afghanistan</COUNTRY></ENTITY_ADDRESS>
            </ENTITY></ENTITIES></CONSOLIDATED_LIST>
            """);
        LoadedList list = UnLoader.load(file);
        assertThat(list.entries()).hasSize(2);
        SanctionsEntry saddam = list.entries().get(0);
        assertThat(saddam.entityId()).isEqualTo("un:6908048");
        assertThat(saddam.primaryName()).isEqualTo("SADDAM HUSSEIN AL-TIKRITI");
        assertThat(saddam.names()).extracting(ListedName::text)
            .containsExactly("SADDAM HUSSEIN AL-TIKRITI", "صدام حسين التكريتي", "Abu Ali", "Abu Udai");
        assertThat(saddam.names()).extracting(ListedName::weak).containsExactly(false, false, false, true);
        assertThat(saddam.birthDates()).containsExactly(new BirthDate(1937, 1937, 4, 28), new BirthDate(1938, 1940, 0, 0));
        assertThat(saddam.nationalities()).containsExactly("IQ");
        assertThat(saddam.birthPlaces()).containsExactly("al-Awja, Iraq");
        assertThat(saddam.documents()).containsExactly("Passport A123 (Iraq)");
        SanctionsEntry qaida = list.entries().get(1);
        assertThat(qaida.type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(qaida.countries()).containsExactly("AF");
    }

    @Test
    void refusesAnUnreadableFile() throws IOException {
        Path file = dir.resolve("bad.xml");
        Files.writeString(file, "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1");
        assertThatThrownBy(() -> UnLoader.load(file)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not a readable UN consolidated list");
    }

    @Test
    void loadsTheSharedUnList() {
        LoadedList list = UnLoader.load(SharedLists.un());
        assertThat(list.entries()).hasSize(1003);
        assertThat(list.entries().stream().filter(e -> e.type() == EntityType.PERSON).count()).isEqualTo(730);
        assertThat(list.entries().stream().filter(e -> e.type() == EntityType.ORGANIZATION).count()).isEqualTo(273);
        assertThat(list.entries().stream().flatMap(e -> e.names().stream()).filter(ListedName::weak).count()).isGreaterThan(500);
        assertThat(list.entries().stream().filter(e -> !e.birthDates().isEmpty()).count()).isGreaterThan(600);
    }
}
