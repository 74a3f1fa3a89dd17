package dev.farthing.customers.service;

import dev.farthing.customers.customer.Customer;
import dev.farthing.customers.customer.CustomerError;
import dev.farthing.customers.customer.CustomerException;
import dev.farthing.customers.customer.CustomerType;
import dev.farthing.customers.customer.NewCustomer;
import dev.farthing.customers.customer.PersonalData;
import dev.farthing.customers.kyc.KycProfiles;
import dev.farthing.customers.kyc.LimitPeriod;
import dev.farthing.customers.vault.PiiVault;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.NewAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KycLimitTest {
    /** EU tier 0: EUR 50 a payment, 150 a day; the ledger's EUR scale is 6. */
    private static final long EUR = 1_000_000;
    @TempDir
    Path dir;
    private Ledger ledger;
    private PiiVault vault;
    private KycProfiles profiles;
    private final MemoryLog log = new MemoryLog();
    private CustomerService service;

    @BeforeEach
    void open() {
        ledger = Ledgers.open(LedgerConfig.defaults(dir.resolve("ledger")).withFsync(false));
        ledger.createAccount(new NewAccount("w-anna", "EUR", AccountKind.WALLET, null, 0, Map.of())).join().orThrow();
        vault = PiiVault.open(dir.resolve("vault"), null);
        profiles = KycProfiles.shipped(Map.of("USD", 6, "EUR", 6));
        service = CustomerService.open(ledger, log, vault, profiles);
    }

    @AfterEach
    void close() {
        service.close();
        ledger.close();
    }

    private Customer anna() {
        return service.create(new NewCustomer("c-anna", CustomerType.PERSON,
                new PersonalData("Anna Schmidt", LocalDate.of(1990, 5, 17), "anna@example.de", "+49 30 1234567",
                        "Unter den Linden 1, Berlin"), "DE", null, List.of("w-anna"))).join();
    }

    @Test
    void aCustomerIsStoredPseudonymouslyAndItsPersonalDataOnlyInTheVault() {
        Customer c = anna();
        assertThat(c.zone()).isEqualTo("eu");
        assertThat(c.tier()).isZero();
        assertThat(c.namePseudonym()).startsWith("name_").isEqualTo(
                service.pseudonyms().token("name", "anna schmidt"));
        String logText = new String(log.records.stream().map(String::new).reduce("", String::concat).getBytes(), StandardCharsets.UTF_8);
        assertThat(logText).contains("c-anna").doesNotContain("Anna").doesNotContain("anna@example.de")
                .doesNotContain("1990-05-17").doesNotContain("Linden");
        Optional<PersonalData> pii = service.personalData("c-anna", new Access("alice", "compliance", "case 42")).join();
        assertThat(pii).get().extracting(PersonalData::name, PersonalData::birthDate)
                .containsExactly("Anna Schmidt", LocalDate.of(1990, 5, 17));
        assertThat(new String(log.records.getLast(), StandardCharsets.UTF_8)).contains("pii_read", "alice", "case 42");
    }

    @Test
    void refusalsNameTheirField() {
        anna();
        assertThatThrownBy(() -> anna()).hasCauseInstanceOf(CustomerException.class)
                .cause().extracting(e -> ((CustomerException) e).error()).isEqualTo(CustomerError.CUSTOMER_EXISTS);
        CompletableFuture<Customer> unknownAccount = service.create(new NewCustomer("c-bob", CustomerType.PERSON,
                new PersonalData("Bob", null, null, null, null), "FR", null, List.of("nope")));
        assertThatThrownBy(unknownAccount::get).cause().isInstanceOfSatisfying(CustomerException.class,
                e -> assertThat(e.field()).isEqualTo("account_ids[0]"));
        CompletableFuture<Customer> badCountry = service.create(new NewCustomer("c-bob", CustomerType.PERSON,
                new PersonalData("Bob", null, null, null, null), "france", null, List.of()));
        assertThatThrownBy(badCountry::get).cause().isInstanceOfSatisfying(CustomerException.class,
                e -> assertThat(e.field()).isEqualTo("country"));
        assertThatThrownBy(() -> service.verify("c-anna", 4, "doc", "kim").join()).cause()
                .isInstanceOfSatisfying(CustomerException.class, e -> assertThat(e.error()).isEqualTo(CustomerError.INVALID_TIER));
    }

    @Test
    void overTheLimitNamesTheLimitAndTheTierThatLiftsIt() {
        anna();
        Admission big = service.admit("p1", "w-anna", "EUR", 60 * EUR).join();
        assertThat(big.admitted()).isFalse();
        assertThat(big.refusal()).isEqualTo(CustomerError.KYC_LIMIT);
        assertThat(big.breach().period()).isEqualTo(LimitPeriod.PER_PAYMENT);
        assertThat(big.breach().limit()).isEqualTo(50 * EUR);
        assertThat(big.breach().liftingTier()).isEqualTo(1);
        assertThat(service.admit("p2", "w-anna", "EUR", 50 * EUR).join().reserved()).isTrue();
        assertThat(service.admit("p3", "w-anna", "EUR", 50 * EUR).join().reserved()).isTrue();
        Admission third = service.admit("p4", "w-anna", "EUR", 50 * EUR + 1).join();
        assertThat(third.breach()).satisfies(b -> {
            assertThat(b.period()).isEqualTo(LimitPeriod.PER_PAYMENT);
        });
        Admission daily = service.admit("p5", "w-anna", "EUR", 50 * EUR + 0).join();
        assertThat(daily.reserved()).isTrue(); // 150 reached exactly
        Admission over = service.admit("p6", "w-anna", "EUR", 1).join();
        assertThat(over.breach().period()).isEqualTo(LimitPeriod.DAILY);
        assertThat(over.breach().used()).isEqualTo(150 * EUR);
        assertThat(over.breach().describe()).contains("daily", "tier 1 lifts");
        assertThat(service.admit("p7", "w-anna", "USD", 1).join().admitted()).isTrue(); // USD is counted apart
        // a repeat of a reserved payment does not count again; a release gives the amount back
        assertThat(service.admit("p5", "w-anna", "EUR", 50 * EUR).join()).satisfies(a -> {
            assertThat(a.admitted()).isTrue();
            assertThat(a.reserved()).isFalse();
        });
        assertThat(service.release("p5").join()).isTrue();
        assertThat(service.release("p5").join()).isFalse();
        assertThat(service.admit("p8", "w-anna", "EUR", 50 * EUR).join().reserved()).isTrue();
        service.verify("c-anna", 1, "idnow:8f2c", "kim").join();
        assertThat(service.admit("p9", "w-anna", "EUR", 900 * EUR).join().reserved()).isTrue();
    }

    @Test
    void aThousandConcurrentPaymentsAtTheDailyLimitReserveExactlyTheLimitAndSurviveARestart()
            throws InterruptedException, ExecutionException {
        anna();
        List<CompletableFuture<Admission>> all = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<CompletableFuture<Admission>> sync = java.util.Collections.synchronizedList(all);
        for (int t = 0; t < 8; t++) {
            int from = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = from; i < 1000; i += 8) {
                    sync.add(service.admit("p" + i, "w-anna", "EUR", EUR / 2 + 7));
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        long admitted = 0;
        for (CompletableFuture<Admission> f : all) {
            if (f.get().admitted()) {
                admitted += EUR / 2 + 7;
            }
        }
        long perPayment = EUR / 2 + 7;
        assertThat(admitted).isEqualTo((150 * EUR / perPayment) * perPayment);
        assertThat(log.appends).as("group commit").isLessThan(1000);
        service.close();
        service = CustomerService.open(ledger, log, vault, profiles);
        assertThat(service.usage("c-anna", "EUR").join()[0]).isEqualTo(admitted);
        assertThat(service.admit("after", "w-anna", "EUR", perPayment).join().admitted()).isFalse();
        assertThat(service.get("c-anna")).get().extracting(Customer::namePseudonym).isNotNull();
    }
}
