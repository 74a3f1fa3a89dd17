package dev.farthing.bench.jmh;

import dev.farthing.bench.Population;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.ledger.state.CommandProcessor;
import dev.farthing.ledger.state.LedgerState;
import dev.farthing.ledger.state.RecentTransfers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The in-memory apply of one transfer batch on the writer thread ({@link CommandProcessor#createTransfers}):
 * validation, balance updates, event creation, idempotency bookkeeping. No journal, no index, no queues: the
 * ceiling of the single-writer state machine. After each batch the recent-transfer map is evicted as the
 * indexer would, so the same batch (same ids) can be applied again as new transfers. Scores are batches
 * per second; multiply by {@code batch} for transfers per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ApplyBench {
    @Param({"uniform", "hot"})
    public String workload;

    @Param({"8192"})
    public int batch;

    private LedgerState state;
    private RecentTransfers recent;
    private CommandProcessor processor;
    private List<NewTransfer> transfers;
    private boolean atomic;

    @Setup
    public void setup() {
        state = new LedgerState(LedgerConfig.DEFAULT_CURRENCIES);
        recent = new RecentTransfers();
        processor = new CommandProcessor(state, recent, () -> false);
        processor.beginBatch(System.currentTimeMillis() * 1_000_000L, Map.of());
        account(Population.SETTLEMENT, AccountKind.SETTLEMENT);
        account(Population.CREATOR, AccountKind.MERCHANT);
        account(Population.PLATFORM_FEE, AccountKind.FEE);
        for (int i = 0; i < KernelData.MERCHANTS; i++) {
            account("m" + i, AccountKind.MERCHANT);
        }
        List<NewTransfer> funding = new ArrayList<>();
        for (int i = 0; i < KernelData.WALLETS; i++) {
            account("w" + i, AccountKind.WALLET);
            funding.add(NewTransfer.simple("fund-" + i, Population.SETTLEMENT, "w" + i, Population.WALLET_FUNDING, KernelData.CURRENCY));
        }
        requireAllOk(processor.createTransfers(funding, false));
        processor.drainEvents();
        recent.evictUpTo(state.lastTimestamp());
        atomic = workload.equals("hot");
        transfers = atomic ? KernelData.hotTransfers("a", batch, 3) : KernelData.uniformTransfers("a", batch, 3);
        requireAllOk(applyOnce());
    }

    private void account(String id, AccountKind kind) {
        processor.createAccount(new NewAccount(id, KernelData.CURRENCY, kind, null, 0, Map.of())).orThrow();
    }

    private static void requireAllOk(List<Outcome<TransferView>> results) {
        for (Outcome<TransferView> r : results) {
            if (!r.isOk() || r.replayed()) {
                throw new IllegalStateException("kernel setup is wrong: " + r);
            }
        }
    }

    private List<Outcome<TransferView>> applyOnce() {
        processor.beginBatch(System.currentTimeMillis() * 1_000_000L, Map.of());
        List<Outcome<TransferView>> results = processor.createTransfers(transfers, atomic);
        processor.drainEvents();
        recent.evictUpTo(state.lastTimestamp());
        return results;
    }

    @Benchmark
    public int applyBatch() {
        return applyOnce().size();
    }
}
