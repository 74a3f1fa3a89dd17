package dev.farthing.customers.service;

import dev.farthing.customers.customer.Customer;
import dev.farthing.customers.customer.CustomerType;
import dev.farthing.customers.customer.NewCustomer;
import dev.farthing.customers.customer.PersonalData;
import dev.farthing.customers.erasure.ErasureResult;
import dev.farthing.customers.kyc.KycProfiles;
import dev.farthing.customers.vault.PiiVault;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.NewAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of registrations, KYC, legal holds, payments (reservations), erasures and restarts: erased
 * subjects' personal data is unreadable on disk, retained fields are exactly the law's, everyone else reads back
 * exactly, usage survives, and every certificate verifies.
 */
class ErasurePropertyTest {
    private static final Access AUDIT = new Access("test", "compliance", "property test");
    @TempDir
    Path dir;

    @Test
    void erasuresPaymentsAndRestartsKeepWhatTheLawSaysAndNothingElse() throws IOException {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("ErasurePropertyTest seed " + seed + " (-Dfarthing.seed=" + seed + " reproduces)");
        Random rnd = new Random(seed);
        Ledger ledger = Ledgers.open(LedgerConfig.defaults(dir.resolve("ledger")).withFsync(false));
        KycProfiles profiles = KycProfiles.shipped(Map.of("USD", 6, "EUR", 6));
        Path data = dir.resolve("customers");
        CustomerService s = open(ledger, data, profiles);
        Map<String, PersonalData> sent = new HashMap<>();
        Map<String, Long> reserved = new HashMap<>();
        String publicKey = s.erasureCertificateKey();
        int n = 0;
        for (int step = 0; step < 400; step++) {
            int op = rnd.nextInt(100);
            if (op < 20 || n == 0) {
                String id = "c" + n;
                ledger.createAccount(new NewAccount("w" + n, "EUR", AccountKind.WALLET, null, 0, Map.of())).join().orThrow();
                PersonalData p = new PersonalData("Name" + rnd.nextInt(1 << 30) + " Xylo", LocalDate.of(1940 + rnd.nextInt(60), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)),
                        "m" + rnd.nextInt(1 << 30) + "@x.example", "+33 6" + (10_000_000 + rnd.nextInt(89_999_999)),
                        rnd.nextInt(999) + " Rue Zorglub");
                s.create(new NewCustomer(id, CustomerType.PERSON, p, rnd.nextBoolean() ? "FR" : "JP", null, List.of("w" + n))).join();
                sent.put(id, p);
                n++;
            } else if (op < 30) {
                String id = "c" + rnd.nextInt(n);
                s.verify(id, 1 + rnd.nextInt(3), "ev-" + step, "kim").join();
            } else if (op < 35) {
                String id = "c" + rnd.nextInt(n);
                s.legalHold(id, rnd.nextBoolean() ? "case-" + step : null, "aml").join();
            } else if (op < 75) {
                int c = rnd.nextInt(n);
                Admission a = s.admit("p" + step, "w" + c, "EUR", 1 + rnd.nextInt(40_000_000)).join();
                if (a.reserved()) {
                    reserved.merge("c" + c, 1L, Long::sum);
                }
            } else if (op < 92) {
                String id = "c" + rnd.nextInt(n);
                ErasureResult r = s.erase(id, "dpo", "subject request").join();
                assertThat(r.certificate().verify(publicKey)).isTrue();
                assertThat(r.certificate().customerId()).isEqualTo(id);
            } else {
                s.close();
                s = open(ledger, data, profiles);
                assertThat(s.erasureCertificateKey()).isEqualTo(publicKey);
            }
        }
        s.close();
        CustomerService end = open(ledger, data, profiles);
        s = end;
        String allBytes = allFiles(dir);
        for (Map.Entry<String, PersonalData> e : sent.entrySet()) {
            Customer c = s.get(e.getKey()).orElseThrow();
            PersonalData p = e.getValue();
            Optional<PersonalData> back = s.personalData(c.id(), AUDIT).join();
            if (c.erased()) {
                assertThat(back).isEmpty();
                assertThat(s.vault().hasKey(c.zone(), c.id())).isFalse();
            } else if (c.retained() != null && c.retained().why().equals(ErasureFlow.RETENTION)) {
                assertThat(c.tier()).isPositive();
                assertThat(back).get().satisfies(kept -> {
                    assertThat(kept.name()).isEqualTo(p.name());
                    assertThat(kept.birthDate()).isEqualTo(p.birthDate());
                    assertThat(kept.address()).isEqualTo(p.address());
                    assertThat(kept.email()).isNull();
                    assertThat(kept.phone()).isNull();
                });
                assertThat(c.retained().until()).isGreaterThan(c.retained().requestedAt());
            } else {
                assertThat(back).as("not erased, or held: reads back exactly").contains(p);
            }
            // raw values never outside the sealed vault records, whatever happened
            for (String raw : List.of(p.name(), p.email(), p.phone(), p.address())) {
                assertThat(allBytes).doesNotContain(raw);
            }
        }
        long erased = sent.keySet().stream().filter(id -> s2(end, id).erased()).count();
        long retained = sent.keySet().stream().filter(id -> s2(end, id).retained() != null && !s2(end, id).erased()).count();
        System.out.println("customers " + n + ", shredded " + erased + ", retained " + retained + ", with reservations " + reserved.size());
        assertThat(erased + retained).as("the sequence erased something").isPositive();
        s.close();
        ledger.close();
    }

    private static Customer s2(CustomerService s, String id) {
        return s.get(id).orElseThrow();
    }

    private static CustomerService open(Ledger ledger, Path data, KycProfiles profiles) {
        return CustomerService.open(ledger, RecordLogCustomerLog.open(data.resolve("log"), false),
                PiiVault.open(data.resolve("vault"), null), profiles);
    }

    private static String allFiles(Path root) throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                b.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return b.toString();
    }
}
