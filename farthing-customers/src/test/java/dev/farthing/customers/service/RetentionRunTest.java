package dev.farthing.customers.service;

import dev.farthing.customers.customer.Customer;
import dev.farthing.customers.customer.CustomerType;
import dev.farthing.customers.customer.NewCustomer;
import dev.farthing.customers.customer.PersonalData;
import dev.farthing.customers.erasure.RetentionAction;
import dev.farthing.customers.kyc.KycProfiles;
import dev.farthing.customers.vault.PiiVault;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.NewAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The retention job on ledger time: it shreds what outlived its retention and carries out erasures a hold deferred. */
class RetentionRunTest {
    private static final long YEAR = 366L * 86_400 * 1_000_000_000L;
    @TempDir
    Path dir;

    @Test
    void expiredRetentionsAreShreddedAndReleasedHoldsErasedDryRunFirst() {
        Ledger real = Ledgers.open(LedgerConfig.defaults(dir.resolve("ledger")).withFsync(false));
        AtomicLong skew = new AtomicLong();
        Ledger ledger = (Ledger) Proxy.newProxyInstance(Ledger.class.getClassLoader(), new Class<?>[] {Ledger.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("now")) {
                        return real.now() + skew.get();
                    }
                    try {
                        return m.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        CustomerService s = CustomerService.open(ledger, new MemoryLog(), PiiVault.open(dir.resolve("vault"), null),
                KycProfiles.shipped(Map.of("USD", 6, "EUR", 6)));
        for (String id : List.of("kept", "held")) {
            real.createAccount(new NewAccount("w-" + id, "EUR", AccountKind.WALLET, null, 0, Map.of())).join().orThrow();
            s.create(new NewCustomer(id, CustomerType.PERSON, new PersonalData("Ilse " + id, LocalDate.of(1960, 3, 3),
                    id + "@x.example", null, "Gasse 1"), "AT", null, List.of("w-" + id))).join();
            s.verify(id, 1, "ev", "kim").join();
        }
        s.legalHold("held", "aml-77", "aml").join();
        assertThat(s.erase("kept", "dpo", "art. 17").join().customer().retained().why()).isEqualTo("record_retention");
        assertThat(s.erase("held", "dpo", "art. 17").join().customer().retained().why()).isEqualTo("legal_hold");
        assertThat(s.runRetention(false)).as("nothing is due yet").isEmpty();

        s.legalHold("held", null, "aml").join();
        skew.set(6 * YEAR);
        List<RetentionAction> planned = s.runRetention(true);
        assertThat(planned).extracting(RetentionAction::customerId, RetentionAction::action, RetentionAction::done)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("kept", "shred", false),
                        org.assertj.core.groups.Tuple.tuple("held", "erase", false));
        assertThat(s.get("kept").map(Customer::erased)).contains(false);
        assertThat(s.runRetention(false)).hasSize(2).allMatch(RetentionAction::done);
        assertThat(s.get("kept").map(Customer::erased)).contains(true);
        assertThat(s.personalData("kept", new Access("t", "compliance", "check")).join()).isEmpty();
        Customer held = s.get("held").orElseThrow();
        assertThat(held.retained().why()).as("released: now the ordinary rule, retention after KYC").isEqualTo("record_retention");
        assertThat(held.retained().until()).isGreaterThan(s.now());
        s.close();
        real.close();
    }
}
