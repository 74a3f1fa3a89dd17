package dev.farthing.customers.service;

import dev.farthing.customers.customer.Customer;
import dev.farthing.customers.customer.CustomerError;
import dev.farthing.customers.customer.CustomerException;
import dev.farthing.customers.kyc.KycProfile;
import dev.farthing.customers.kyc.KycProfiles;
import dev.farthing.customers.kyc.LimitBreach;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The one writer: takes a batch of commands, decides each against the state (applying its event at once, so
 * the next command of the batch sees it), appends the batch's events to the log as one durable write, and only
 * then answers every caller (group commit). A KYC reservation is therefore decided and counted atomically, and
 * durable before its payment is decided. No locks: only this thread changes the state.
 */
final class WriterLoop implements Runnable {
    static final int MAX_BATCH = 4096;
    private final BlockingQueue<Command> queue;
    private final CustomerState state;
    private final CustomerLog log;
    private final KycProfiles profiles;
    private final LongSupplier clock;
    private volatile boolean stopping;
    private volatile String broken;
    private long lastAt;

    WriterLoop(int capacity, CustomerState state, CustomerLog log, KycProfiles profiles, LongSupplier clock, long lastAt) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.state = state;
        this.log = log;
        this.profiles = profiles;
        this.clock = clock;
        this.lastAt = lastAt;
    }

    boolean offer(Command c) {
        if (broken != null) {
            c.future().completeExceptionally(new CustomerException(CustomerError.UNAVAILABLE,
                    "the customer service stopped: " + broken));
            return true;
        }
        return !stopping && queue.offer(c);
    }

    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        List<Command> batch = new ArrayList<>(MAX_BATCH);
        List<byte[]> records = new ArrayList<>(MAX_BATCH);
        List<Runnable> answers = new ArrayList<>(MAX_BATCH);
        while (!(stopping && queue.isEmpty())) {
            try {
                Command first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = Math.max(lastAt, clock.getAsLong());
            lastAt = now;
            for (Command c : batch) {
                answers.add(decide(c, now, records));
            }
            try {
                if (!records.isEmpty()) {
                    log.append(records);
                }
                answers.forEach(Runnable::run);
            } catch (RuntimeException e) {
                broken = "the customer log refused a write: " + e.getMessage();
                for (Command c : batch) {
                    c.future().completeExceptionally(new CustomerException(CustomerError.UNAVAILABLE, broken));
                }
                failQueued();
                return;
            } finally {
                batch.clear();
                records.clear();
                answers.clear();
            }
        }
    }

    private void failQueued() {
        Command c;
        while ((c = queue.poll()) != null) {
            c.future().completeExceptionally(new CustomerException(CustomerError.UNAVAILABLE, broken));
        }
    }

    /** Decides one command, records and applies its event (if any), and returns how to answer it. */
    private Runnable decide(Command command, long now, List<byte[]> records) {
        try {
            return switch (command) {
                case Command.Reserve r -> reserve(r, now, records);
                case Command.Release r -> {
                    boolean known = state.usage.reservation(r.paymentId()) != null;
                    if (known) {
                        record(new CustomerEvent.Released(r.paymentId()), records);
                    }
                    yield () -> r.future().complete(known);
                }
                case Command.Create c -> {
                    CustomerEvent.Created d = c.draft();
                    if (state.customers.containsKey(d.id())) {
                        throw new CustomerException(CustomerError.CUSTOMER_EXISTS, "customer " + d.id() + " exists", "id");
                    }
                    for (int i = 0; i < d.accountIds().size(); i++) {
                        String owner = state.ownerOfAccount.get(d.accountIds().get(i));
                        if (owner != null) {
                            throw new CustomerException(CustomerError.ACCOUNT_TAKEN, "account " + d.accountIds().get(i)
                                    + " already belongs to another customer", "account_ids[" + i + "]");
                        }
                    }
                    record(new CustomerEvent.Created(d.id(), d.type(), d.country(), d.zone(), d.accountIds(), now,
                            d.namePseudonym(), d.emailPseudonym(), d.piiRef()), records);
                    Customer made = state.customers.get(d.id());
                    yield () -> c.future().complete(made);
                }
                case Command.Verify v -> {
                    Customer c = existing(v.id());
                    KycProfile p = profiles.forCountry(c.country());
                    record(new CustomerEvent.Verified(v.id(), v.tier(), v.evidenceRef(), v.verifiedBy(), now,
                            p.jurisdiction(), p.version()), records);
                    Customer after = state.customers.get(v.id());
                    yield () -> v.future().complete(after);
                }
                case Command.Freeze f -> {
                    existing(f.id());
                    record(new CustomerEvent.Frozen(f.id(), f.frozen(), f.by(), f.reason(), now), records);
                    Customer after = state.customers.get(f.id());
                    yield () -> f.future().complete(after);
                }
                case Command.Usage u -> {
                    long[] used = state.usage.used(u.customerId(), u.currency(), now);
                    yield () -> u.future().complete(used);
                }
                case Command.Audit a -> {
                    Customer c = existing(a.id());
                    record(new CustomerEvent.PersonalDataRead(a.id(), a.access().who(), a.access().role(),
                            a.access().reason(), now), records);
                    yield () -> a.future().complete(c);
                }
                case Command.Erase e -> {
                    CustomerEvent.Erased d = e.draft();
                    Customer c = existing(d.id());
                    if (!c.erased()) {
                        long until = e.keepYears() > 0 ? plusYears(now, e.keepYears()) : 0;
                        record(new CustomerEvent.Erased(d.id(), now, d.by(), d.reason(), d.erasedFields(),
                                d.keyDestroyed(), d.keptFields(), d.why(), d.basis(), until, d.piiRef()), records);
                    }
                    Customer after = state.customers.get(d.id());
                    yield () -> e.future().complete(after);
                }
                case Command.Hold h -> {
                    existing(h.id());
                    record(new CustomerEvent.HoldChanged(h.id(), h.caseRef(), h.by(), now), records);
                    Customer after = state.customers.get(h.id());
                    yield () -> h.future().complete(after);
                }
            };
        } catch (CustomerException refused) {
            return () -> command.future().completeExceptionally(refused);
        }
    }

    private Runnable reserve(Command.Reserve r, long now, List<byte[]> records) {
        String customerId = state.ownerOfAccount.get(r.accountId());
        if (customerId == null) {
            return () -> r.future().complete(Admission.UNLINKED);
        }
        if (state.usage.reservation(r.paymentId()) != null) {
            return () -> r.future().complete(Admission.alreadyReserved(customerId)); // a repeat of the same payment
        }
        Customer c = state.customers.get(customerId);
        if (c.frozen()) {
            return () -> r.future().complete(Admission.frozen(customerId));
        }
        long[] used = state.usage.used(customerId, r.currency(), now);
        LimitBreach breach = profiles.forCountry(c.country()).check(c.tier(), r.currency(), r.amount(), used[0], used[1]);
        if (breach != null) {
            return () -> r.future().complete(Admission.overLimit(customerId, breach));
        }
        record(new CustomerEvent.Reserved(r.paymentId(), customerId, r.currency(), r.amount(), now), records);
        return () -> r.future().complete(Admission.reserved(customerId));
    }

    /** Ledger time {@code years} calendar years (UTC) after {@code nanos}. */
    static long plusYears(long nanos, int years) {
        java.time.Instant t = java.time.Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        java.time.Instant later = t.atZone(java.time.ZoneOffset.UTC).plusYears(years).toInstant();
        return Math.addExact(Math.multiplyExact(later.getEpochSecond(), 1_000_000_000L), later.getNano());
    }

    private Customer existing(String id) {
        Customer c = state.customers.get(id);
        if (c == null) {
            throw new CustomerException(CustomerError.CUSTOMER_NOT_FOUND, "no customer " + id);
        }
        return c;
    }

    private void record(CustomerEvent event, List<byte[]> records) {
        records.add(EventCodec.encode(event));
        state.apply(event);
    }
}
