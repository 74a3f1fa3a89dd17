package dev.farthing.settlement.connector.iso20022;

import dev.farthing.recordlog.DirectoryLock;
import dev.farthing.settlement.connector.PayoutConnector;
import dev.farthing.settlement.connector.PayoutInstruction;
import dev.farthing.settlement.connector.ProviderStatus;
import dev.farthing.settlement.connector.StatementLine;
import dev.farthing.settlement.connector.SubmitOutcome;
import dev.farthing.settlement.connector.iso20022.CamtReader.BankEntry;
import dev.farthing.settlement.connector.iso20022.InstructionStore.Batch;
import dev.farthing.settlement.connector.iso20022.InstructionStore.Staged;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bank reached by ISO 20022 files. {@link #submit} stages a payout durably for its execution date (nothing is
 * sent yet, so it can still be cancelled); {@link #releaseBatches} writes one pain.001 per execution date due, with
 * every staged payout of that date, into the outbox. The bank's camt.054 notifications and camt.053 statements in
 * the inbox say what happened: a booked debit referencing the payout is {@link ProviderStatus.Paid} (its fee from
 * the CHRG entries referencing it), a returned credit is {@link ProviderStatus.Failed}. Every file written or read is
 * validated against the official schema. Single-threaded use is intended; the methods are synchronized so a
 * scheduler and a status poll may share it.
 */
public final class Iso20022BankConnector implements PayoutConnector, dev.farthing.settlement.connector.BatchReleasing {
    private static final int MAX35 = 35;

    private final Iso20022BankConfig config;
    private final InstructionStore store;
    private final Inbox inbox;
    private final DirectoryLock lock;

    /** Opens the connector's state; a second connector on the same state directory is refused while this one lives. */
    public Iso20022BankConnector(Iso20022BankConfig config) {
        this.config = config;
        this.lock = DirectoryLock.acquire(config.stateDir(), ".lock", "bank connector state");
        this.store = new InstructionStore(config.stateDir());
        this.inbox = new Inbox(config.inbox());
        finishInterruptedBatches();
    }

    @Override
    public String providerId() {
        return config.providerId();
    }

    @Override
    public synchronized SubmitOutcome submit(PayoutInstruction in) {
        Staged existing = store.get(in.idempotencyKey());
        if (existing != null) {
            return existing.instruction().equals(in) ? new SubmitOutcome.Accepted(in.idempotencyKey())
                    : new SubmitOutcome.Refused("idempotency key " + in.idempotencyKey() + " was used for a different payout", false);
        }
        if (!config.currencies().contains(in.currency())) {
            return new SubmitOutcome.Refused(providerId() + " pays no " + in.currency(), true);
        }
        String problem = problem(in);
        if (problem != null) {
            return new SubmitOutcome.Refused(problem, false);
        }
        LocalDate executionDate = config.executionDate();
        try {
            // Validate this payout alone now, so a batch can never fail on one bad payout at release.
            Pain001Writer.write("CHECK", config.clock().instant(), executionDate, config.debtor(), List.of(in));
        } catch (InvalidIso20022File e) {
            return new SubmitOutcome.Refused("not expressible as pain.001: " + e.getMessage(), false);
        }
        store.stage(in, executionDate);
        return new SubmitOutcome.Accepted(in.idempotencyKey());
    }

    private static String problem(PayoutInstruction in) {
        if (in.idempotencyKey().isEmpty() || in.idempotencyKey().length() > MAX35) {
            return "idempotency key must have 1..35 characters (it is the pain.001 InstrId)";
        }
        if (in.payoutId().isEmpty() || in.payoutId().length() > MAX35) {
            return "payout id must have 1..35 characters (it is the pain.001 EndToEndId)";
        }
        if (in.idempotencyKey().contains("\n") || in.payoutId().contains("\n")) {
            return "ids must be one line";
        }
        int scale;
        try {
            scale = Amounts.scale(in.currency());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (scale != in.scale()) {
            return in.currency() + " has " + scale + " decimals, the payout says " + in.scale();
        }
        if (!in.country().matches("[A-Z]{2}")) {
            return "country must be ISO 3166 alpha-2: " + in.country();
        }
        if (!in.beneficiaryAccount().matches(Pain001Writer.IBAN_PATTERN) && in.beneficiaryAccount().length() > 34) {
            return "beneficiary account is neither an IBAN nor an account id of at most 34 characters";
        }
        return null;
    }

    /** {@link #releaseBatches} through today, on this connector's clock. */
    @Override
    public synchronized List<Path> releaseDue() {
        return releaseBatches(LocalDate.ofInstant(config.clock().instant(), java.time.ZoneOffset.UTC));
    }

    /**
     * Writes a pain.001 for each execution date up to {@code through} that has staged payouts; returns the files
     * written. Call at the bank's cut-off (a scheduler, or {@code farthing payouts run}).
     */
    public synchronized List<Path> releaseBatches(LocalDate through) {
        Map<LocalDate, List<Staged>> byDate = new LinkedHashMap<>();
        for (Staged s : store.unreleased(through)) {
            byDate.computeIfAbsent(s.executionDate(), d -> new ArrayList<>()).add(s);
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<LocalDate, List<Staged>> e : byDate.entrySet()) {
            // A bank refuses an execution date in the past; one released late goes today.
            LocalDate today = LocalDate.ofInstant(config.clock().instant(), java.time.ZoneOffset.UTC);
            LocalDate date = e.getKey().isBefore(today) ? today : e.getKey();
            String msgId = msgId(date, store.batchesOn(date) + 1);
            List<String> keys = e.getValue().stream().map(s -> s.instruction().idempotencyKey()).toList();
            Batch batch = new Batch(msgId, config.clock().instant(), date, keys, false);
            store.recordBatch(batch);
            written.add(writeBatch(batch));
        }
        return written;
    }

    private String msgId(LocalDate date, int seq) {
        String tag = providerId().replaceAll("[^A-Za-z0-9]", "");
        tag = tag.substring(0, Math.min(tag.length(), 12));
        String id = "FTH-" + tag + "-" + date.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + seq;
        assert id.length() <= MAX35 : id;
        return id;
    }

    private Path writeBatch(Batch b) {
        List<PayoutInstruction> payouts = b.keys().stream().map(k -> store.get(k).instruction()).toList();
        byte[] xml = Pain001Writer.write(b.msgId(), b.createdAt(), b.executionDate(), config.debtor(), payouts);
        Path target = config.outbox().resolve(b.msgId() + ".xml");
        AtomicFiles.write(target, xml);
        store.markWritten(b.msgId());
        return target;
    }

    /** A batch recorded but not known written (a crash in between) is written again: same MsgId, same content. */
    private void finishInterruptedBatches() {
        for (Batch b : List.copyOf(store.batches().values())) {
            if (!b.written()) {
                writeBatch(b);
            }
        }
    }

    /** The pain.001 files in the outbox the bank has not collected yet. */
    public synchronized List<Path> uncollected() {
        return store.batches().values().stream().map(b -> config.outbox().resolve(b.msgId() + ".xml"))
                .filter(Files::exists).toList();
    }

    @Override
    public synchronized ProviderStatus status(String idempotencyKey) {
        Staged s = store.get(idempotencyKey);
        if (s == null) {
            return new ProviderStatus.NotFound();
        }
        if (s.cancelled()) {
            return new ProviderStatus.Failed(idempotencyKey, "cancelled before release");
        }
        inbox.poll();
        BankEntry debit = null;
        Map<String, BankEntry> fees = new LinkedHashMap<>();
        for (BankEntry e : inbox.referringTo(idempotencyKey, s.instruction().payoutId())) {
            switch (e.line().kind()) {
                case RETURN_CREDIT -> {
                    return new ProviderStatus.Failed(reference(e),
                            "returned by the bank" + (e.returnReason() == null ? "" : ": " + e.returnReason()));
                }
                case FEE -> fees.putIfAbsent(e.line().lineId(), e); // the same entry on a camt.054 and a camt.053
                case PAYOUT_DEBIT -> debit = debit == null ? e : debit;
            }
        }
        if (debit == null) {
            return new ProviderStatus.Pending(s.batch() == null ? idempotencyKey : s.batch() + "/" + idempotencyKey);
        }
        long fee = 0;
        for (BankEntry f : fees.values()) {
            if (f.line().currency().equals(s.instruction().currency())) {
                fee = Math.addExact(fee, f.line().amountMinor());
            }
        }
        return new ProviderStatus.Paid(reference(debit), debit.line().amountMinor(), fee, debit.line().valueDate());
    }

    private static String reference(BankEntry e) {
        return Objects.requireNonNullElse(e.line().providerReference(), e.line().lineId());
    }

    /** Cancels a payout not yet released into a pain.001; once the file exists, the bank has it and this says no. */
    @Override
    public synchronized boolean cancel(String idempotencyKey) {
        Staged s = store.get(idempotencyKey);
        if (s == null || s.batch() != null) {
            return false;
        }
        if (!s.cancelled()) {
            store.cancel(idempotencyKey);
        }
        return true;
    }

    /** The camt.053 (statement) lines with value dates in [from, to], duplicates included as the bank sent them. */
    @Override
    public synchronized List<StatementLine> statement(LocalDate from, LocalDate to) {
        return lines(Iso20022Message.CAMT_053, from, to);
    }

    /** The camt.054 (notification) lines with value dates in [from, to]. */
    public synchronized List<StatementLine> notifications(LocalDate from, LocalDate to) {
        return lines(Iso20022Message.CAMT_054, from, to);
    }

    private List<StatementLine> lines(Iso20022Message source, LocalDate from, LocalDate to) {
        inbox.poll();
        List<StatementLine> out = new ArrayList<>();
        for (BankEntry e : inbox.entries()) {
            LocalDate d = e.line().valueDate();
            if (e.source() == source && !d.isBefore(from) && !d.isAfter(to)) {
                out.add(e.line());
            }
        }
        return out;
    }

    /** How many inbox files were refused (invalid, DOCTYPE, unknown message) since start. */
    public synchronized int rejectedFiles() {
        return inbox.rejectedCount();
    }

    /** Every change is on disk when the call that made it returns; closing only lets another process open the state. */
    @Override
    public synchronized void close() {
        lock.close();
    }
}
