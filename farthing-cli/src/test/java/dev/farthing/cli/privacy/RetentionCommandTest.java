package dev.farthing.cli.privacy;

import dev.farthing.cli.FarthingCommand;
import dev.farthing.customers.customer.CustomerType;
import dev.farthing.customers.customer.NewCustomer;
import dev.farthing.customers.customer.PersonalData;
import dev.farthing.customers.service.CustomerService;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.server.ServerOptions;
import dev.farthing.server.http.customers.CustomersApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code farthing retention run [--dry-run]} on a data directory with an erasure a released legal hold deferred. */
class RetentionCommandTest {
    @TempDir
    Path tmp;

    private String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = FarthingCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cli.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void aDryRunReportsAndARunCarriesOutWhatIsDue() {
        Path data = tmp.resolve("data");
        run("init", "--data", data.toString());
        try (Ledger ledger = Ledgers.open(ServerOptions.defaults(data, 0).ledgerConfig());
             CustomersApi api = CustomersApi.open(data.resolve("customers"), ledger, null)) {
            ledger.createAccount(new NewAccount("w1", "USD", AccountKind.WALLET, null, 0, Map.of())).join().orThrow();
            CustomerService s = api.service();
            s.create(new NewCustomer("c1", CustomerType.PERSON, new PersonalData("Rufus Held", null, null, null, null),
                    "US", null, List.of("w1"))).join();
            s.legalHold("c1", "aml-1", "aml").join();
            assertThat(s.erase("c1", "dpo", "request").join().customer().retained().why()).isEqualTo("legal_hold");
            s.legalHold("c1", null, "aml").join();
        }
        String dry = run("retention", "run", "--dry-run", "--data", data.toString());
        assertThat(dry).contains("would erase customer c1", "1 action(s)", "dry run");
        assertThat(run("retention", "run", "--data", data.toString())).contains("did erase customer c1");
        assertThat(run("retention", "run", "--dry-run", "--data", data.toString())).contains("0 action(s)");
        try (Ledger ledger = Ledgers.open(ServerOptions.defaults(data, 0).ledgerConfig());
             CustomersApi api = CustomersApi.open(data.resolve("customers"), ledger, null)) {
            assertThat(api.service().get("c1").orElseThrow().erased()).as("tier 0: crypto-shredded").isTrue();
        }
    }
}
