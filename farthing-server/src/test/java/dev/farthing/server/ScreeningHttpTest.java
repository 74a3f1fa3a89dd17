package dev.farthing.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /v1/screening/search and /v1/screening/lists on small list files written by the test. */
class ScreeningHttpTest {
    @TempDir Path dir;

    private Path ofac(String folder, String secondName) throws IOException {
        Path d = Files.createDirectories(dir.resolve(folder));
        Files.writeString(d.resolve("sdn.csv"),
            "2676,\"AL ZAWAHIRI, Dr. Ayman\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 19 Jun 1951; nationality Egypt.\"\r\n"
            + "306,\"" + secondName + "\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u001a");
        return d;
    }

    private Path un() throws IOException {
        Path file = dir.resolve("un.xml");
        Files.writeString(file, "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>6907993</DATAID><FIRST_NAME>ERIC</FIRST_NAME>"
            + "<SECOND_NAME>BADEGE</SECOND_NAME><NATIONALITY><VALUE>Democratic Republic of the Congo</VALUE></NATIONALITY>"
            + "</INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>");
        return file;
    }

    @Test
    void searchesReloadsAndChecksRoles() throws IOException {
        try (TestServer t = TestServer.start(dir)) {
            String compliance = ApiKeys.create(t.dataDir, Role.COMPLIANCE, "test compliance");
            String search = "{\"name\":\"Ayman al-Zawahiri\",\"type\":\"person\",\"birth_date\":\"1951\",\"country\":\"EG\"}";
            TestServer.Resp before = t.post("/v1/screening/search", search);
            assertThat(before.status()).isEqualTo(503);
            assertThat(before.code()).isEqualTo("sanctions_lists_not_loaded");
            assertThat(t.post("/v1/screening/lists", "{}").code()).isEqualTo("sanctions_lists_not_loaded");

            String load = "{\"ofac_dir\":" + TestServer.MAPPER.writeValueAsString(ofac("v1", "BANCO NACIONAL DE CUBA").toString())
                + ",\"un_file\":" + TestServer.MAPPER.writeValueAsString(un().toString()) + "}";
            TestServer.Resp loaded = t.post("/v1/screening/lists", load);
            assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
            String v1 = loaded.json().path("list_version").asText();
            assertThat(v1).startsWith("v1-");
            assertThat(loaded.json().path("entries").asInt()).isEqualTo(3);

            TestServer.Resp hit = t.send("POST", "/v1/screening/search", search, compliance);
            assertThat(hit.status()).as(hit.body()).isEqualTo(200);
            assertThat(hit.json().path("list_version").asText()).isEqualTo(v1);
            assertThat(hit.json().path("list_hash").asText()).hasSize(64);
            var first = hit.json().path("hits").path(0);
            assertThat(first.path("entity_id").asText()).isEqualTo("ofac_sdn:2676");
            assertThat(first.path("list").asText()).isEqualTo("ofac_sdn");
            assertThat(first.path("name").asText()).isEqualTo("AL ZAWAHIRI, Dr. Ayman");
            assertThat(first.path("score").asDouble()).isBetween(0.78, 0.999);
            assertThat(first.path("explanation").toString()).contains("birth year 1951 agrees", "nationality");

            TestServer.Resp unHit = t.post("/v1/screening/search", "{\"name\":\"Eric Badege\",\"limit\":1}");
            assertThat(unHit.json().path("hits").path(0).path("list").asText()).isEqualTo("un");
            assertThat(t.post("/v1/screening/search", "{\"name\":\"CORP\"}").json().path("hits")).isEmpty();
            TestServer.Resp oddCountry = t.post("/v1/screening/search", "{\"name\":\"Eric Badege\",\"country\":\"Atlantis\"}");
            assertThat(oddCountry.status()).isEqualTo(200);
            assertThat(oddCountry.json().path("warnings").toString()).contains("Atlantis");

            assertThat(t.send("POST", "/v1/screening/search", search, t.auditorKey).status()).isEqualTo(403);
            assertThat(t.send("POST", "/v1/screening/lists", "{}", compliance).status()).isEqualTo(403);
            assertThat(t.post("/v1/screening/search", "{\"name\":\"x\",\"birth_date\":\"19-06-1951\"}").code()).isEqualTo("invalid_request");
            assertThat(t.post("/v1/screening/search", "{\"name\":\"x\",\"type\":\"robot\"}").code()).isEqualTo("invalid_request");
            assertThat(t.post("/v1/screening/search", "{\"name\":\"\"}").code()).isEqualTo("invalid_request");
            assertThat(t.post("/v1/screening/search", "{\"name\":\"x\",\"limit\":1000}").code()).isEqualTo("invalid_request");
            assertThat(t.post("/v1/screening/search", "{\"name\":\"x\",\"extra\":1}").code()).isEqualTo("invalid_request");

            // a new version is picked up without a restart
            String load2 = load.replace("\\/v1", "/v1").replace("/v1\"", "/v2\"");
            Files.createDirectories(dir.resolve("v2"));
            ofac("v2", "BANCO CENTRAL DE CUBA");
            TestServer.Resp reloaded = t.post("/v1/screening/lists", load2);
            assertThat(reloaded.status()).as(reloaded.body()).isEqualTo(200);
            String v2 = reloaded.json().path("list_version").asText();
            assertThat(v2).startsWith("v2-");
            TestServer.Resp after = t.post("/v1/screening/search", "{\"name\":\"Banco Central de Cuba\"}");
            assertThat(after.json().path("list_version").asText()).isEqualTo(v2);
            assertThat(after.json().path("hits").path(0).path("matched_name").asText()).isEqualTo("BANCO CENTRAL DE CUBA");
            assertThat(t.post("/v1/screening/lists", "").json().path("list_version").asText()).isEqualTo(v2);
        }
    }
}
