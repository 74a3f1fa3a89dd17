package dev.farthing.ledger.engine;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.Page;
import dev.farthing.ledger.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import static dev.farthing.ledger.engine.LedgerEngineTest.ok;
import static dev.farthing.ledger.engine.LedgerEngineTest.wallet;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link Ledger#listAccounts}: id order, bounded pages, a cursor that survives restarts and concurrent opens. */
class AccountPagesTest {
    @TempDir
    Path dir;

    private static List<String> all(Ledger ledger, int limit, Set<String> seenTwice) {
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            Page<AccountView> page = ok(ledger.listAccounts(cursor, limit).join());
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            for (AccountView a : page.items()) {
                if (!seen.add(a.id())) {
                    seenTwice.add(a.id());
                }
                ids.add(a.id());
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    @Test
    void pagesInIdOrderAcrossARestartWithASnapshot() {
        String cursor;
        try (Ledger ledger = Ledgers.open(LedgerConfig.defaults(dir))) {
            for (String id : List.of("c", "a", "e", "b", "d")) {
                ok(ledger.createAccount(wallet(id)).join());
            }
            Page<AccountView> first = ok(ledger.listAccounts(null, 2).join());
            assertThat(first.items()).extracting(AccountView::id).containsExactly("a", "b");
            assertThat(first.nextCursor()).isEqualTo("b");
            cursor = first.nextCursor();
            ledger.snapshot().join();
        }
        try (Ledger ledger = Ledgers.open(LedgerConfig.defaults(dir))) {
            ok(ledger.createAccount(wallet("bb")).join());
            Page<AccountView> second = ok(ledger.listAccounts(cursor, 2).join());
            assertThat(second.items()).extracting(AccountView::id).containsExactly("bb", "c");
            Page<AccountView> last = ok(ledger.listAccounts(second.nextCursor(), 10).join());
            assertThat(last.items()).extracting(AccountView::id).containsExactly("d", "e");
            assertThat(last.nextCursor()).isNull();
            assertThat(ok(ledger.listAccounts("e", 10).join()).items()).isEmpty();
            assertThat(ledger.listAccounts(null, 0).join().error()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(ledger.listAccounts(null, Ledger.MAX_PAGE + 1).join().error()).isEqualTo(ErrorCode.INVALID_REQUEST);
        }
    }

    /** Paging while other threads open accounts: every account that existed before paging began is seen exactly once. */
    @Test
    void stableWhileAccountsAreOpened() throws Exception {
        long seed = Seeds.seed("AccountPagesTest");
        Random random = new Random(seed);
        try (Ledger ledger = Ledgers.open(LedgerConfig.defaults(dir).withFsync(false))) {
            Set<String> before = new TreeSet<>();
            List<CompletableFuture<?>> opened = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                String id = "acct-" + Integer.toString(random.nextInt(1_000_000), 36) + "-" + i;
                before.add(id);
                opened.add(ledger.createAccount(wallet(id)));
            }
            CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).join();
            Thread writer = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 600; i++) {
                    ledger.createAccount(wallet("acct-" + Integer.toString(random.nextInt(1_000_000), 36) + "-new" + i)).join();
                }
            });
            Set<String> twice = new HashSet<>();
            List<String> seen = all(ledger, 7, twice);
            writer.join();
            assertThat(twice).as("seed %d: accounts repeated", seed).isEmpty();
            assertThat(seen).as("seed %d: id order", seed).isSorted();
            assertThat(seen).as("seed %d: every account that existed before paging", seed).containsAll(before);
        }
    }
}
