package dev.farthing.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a mixed workload (customers with personal data, payments with device ids and IPs, transfers, KYC,
 * compliance reads, a snapshot and a restart), no file of the data directory holds any raw personal value sent.
 */
class PiiAtRestTest {
    @TempDir
    Path dir;

    @Test
    void noRawPersonalValueIsInAnyFileOfTheDataDirectory() throws IOException {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("PiiAtRestTest seed " + seed + " (-Dfarthing.seed=" + seed + " reproduces)");
        Random rnd = new Random(seed);
        List<String> secrets = new ArrayList<>();
        TestServer t = TestServer.start(dir);
        String compliance = ApiKeys.create(t.dataDir, Role.COMPLIANCE, "test compliance");
        t.usePolicy(CustomerHttpTest.APPROVE_ALL);
        t.createAccount("bank", "settlement");
        t.createAccount("shop", "merchant");
        for (int i = 0; i < 12; i++) {
            String w = "w" + i;
            t.createAccount(w, "wallet");
            t.transfer("fund" + i, "bank", w, 1_000_000_000L);
            String name = "Zebulon" + rnd.nextInt(1_000_000) + " Quixote";
            String email = "zq" + rnd.nextInt(1_000_000) + "@mailbox.example";
            String phone = "+44 7700 9" + (10000 + rnd.nextInt(89999));
            String address = rnd.nextInt(900) + " Kestrelwood Lane";
            String birth = (1950 + rnd.nextInt(50)) + "-0" + (1 + rnd.nextInt(9)) + "-1" + rnd.nextInt(9);
            secrets.addAll(List.of(name, email, phone, address, birth));
            ObjectNode c = TestServer.MAPPER.createObjectNode().put("id", "c" + i).put("type", "person")
                    .put("name", name).put("birth_date", birth).put("country", i % 2 == 0 ? "GB" : "DE")
                    .put("email", email).put("phone", phone).put("address", address);
            c.putArray("account_ids").add(w);
            assertThat(t.post("/v1/customers", c.toString()).status()).isEqualTo(201);
        }
        for (int p = 0; p < 120; p++) {
            int payer = rnd.nextInt(12);
            String device = "devq-" + Long.toHexString(rnd.nextLong());
            String ip = rnd.nextBoolean() ? "198.51." + rnd.nextInt(256) + "." + rnd.nextInt(256)
                    : "2001:db8:" + Integer.toHexString(rnd.nextInt(65536)) + "::" + Integer.toHexString(1 + rnd.nextInt(65535));
            String session = "sessq-" + Long.toHexString(rnd.nextLong());
            secrets.addAll(List.of(device, ip, session));
            String body = "{\"id\":\"pay" + p + "\",\"payer\":\"w" + payer + "\",\"payee\":\"shop\",\"amount\":" + (1 + rnd.nextInt(5_000_000))
                    + ",\"currency\":\"USD\",\"context\":{\"device_id\":\"" + device + "\",\"ip\":\"" + ip
                    + "\",\"session_id\":\"" + session + "\"}}";
            TestServer.Resp r = t.post("/v1/payments", body);
            assertThat(r.status()).as(r.body()).isIn(201, 422);
            if (p % 10 == 0) {
                t.transfer("tr" + p, "w" + payer, "shop", 1 + rnd.nextInt(1000));
            }
        }
        t.send("POST", "/v1/customers/c1/kyc", "{\"tier\":2,\"evidence_ref\":\"ev-1\",\"verified_by\":\"kim\"}", compliance);
        var read = java.net.http.HttpRequest.newBuilder(t.uri("/v1/customers/c1")).header("Authorization", "Bearer " + compliance)
                .header("X-Farthing-Reason", "subject access request").GET().build();
        try {
            assertThat(t.client.send(read, java.net.http.HttpResponse.BodyHandlers.ofString()).body()).contains("Quixote");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertThat(t.send("POST", "/v1/admin/snapshot", "", t.adminKey).status()).isEqualTo(200);
        Path data = t.dataDir;
        ServerOptions options = t.server.options();
        t.close();
        t = new TestServer(FarthingServer.start(options), data);
        t.close();

        List<Path> files;
        try (Stream<Path> all = Files.walk(data)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        List<String> found = new ArrayList<>();
        for (Path f : files) {
            String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String s : secrets) {
                if (content.contains(s)) {
                    found.add(s + " in " + data.relativize(f));
                }
            }
        }
        assertThat(found).as("raw personal values at rest").isEmpty();
    }
}
