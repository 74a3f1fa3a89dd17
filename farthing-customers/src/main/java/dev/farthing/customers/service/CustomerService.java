package dev.farthing.customers.service;

import dev.farthing.customers.customer.Customer;
import dev.farthing.customers.customer.CustomerError;
import dev.farthing.customers.customer.CustomerException;
import dev.farthing.customers.customer.NewCustomer;
import dev.farthing.customers.customer.PersonalData;
import dev.farthing.customers.erasure.ErasureResult;
import dev.farthing.customers.kyc.KycProfiles;
import dev.farthing.customers.vault.PersonalDataCodec;
import dev.farthing.customers.vault.PiiVault;
import dev.farthing.customers.vault.Pseudonyms;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.model.AccountStatus;
import dev.farthing.ledger.model.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Customers, their KYC tiers and limits, and their personal data, on a {@link Ledger}. Safe from any thread:
 * every change goes through one writer thread and is durable in the {@link CustomerLog} before its future
 * completes; reads come from memory. Personal data goes only into the {@link PiiVault}; the log and everything
 * this service returns without an {@link Access} hold ids and pseudonyms only.
 *
 * <p>The payment path calls {@link #admit} before a payment is decided and {@link #release} when it moved
 * nothing: the amount is reserved against the payer's limits in the same step as the check, so concurrent
 * payments can never move more together than a limit allows, and the reservation survives a restart.
 */
public final class CustomerService implements AutoCloseable {
    /** Sized for bursts of payments: beyond it a caller is told {@code overloaded}, never blocked. */
    public static final int QUEUE_CAPACITY = 65_536;
    public static final int MAX_RESERVATIONS = 1_000_000;
    private final Ledger ledger;
    private final PiiVault vault;
    private final KycProfiles profiles;
    private final CustomerLog log;
    private final CustomerState state;
    private final WriterLoop loop;
    private final Thread thread;
    private final Set<String> zones;
    private ErasureFlow erasure;

    private CustomerService(Ledger ledger, PiiVault vault, KycProfiles profiles, CustomerLog log, CustomerState state,
                            WriterLoop loop) {
        this.ledger = ledger;
        this.vault = vault;
        this.profiles = profiles;
        this.log = log;
        this.state = state;
        this.loop = loop;
        this.zones = profiles.all().keySet().stream().map(j -> j.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.thread = Thread.ofPlatform().name("farthing-customers-writer").daemon(true).unstarted(loop);
    }

    /** Replays {@code log} and starts the writer. */
    public static CustomerService open(Ledger ledger, CustomerLog log, PiiVault vault, KycProfiles profiles) {
        CustomerState state = new CustomerState(MAX_RESERVATIONS);
        long[] lastAt = {0};
        log.replay(bytes -> {
            CustomerEvent e = EventCodec.decode(bytes);
            state.apply(e);
            lastAt[0] = Math.max(lastAt[0], at(e));
        });
        CustomerService s = new CustomerService(ledger, vault, profiles, log, state,
                new WriterLoop(QUEUE_CAPACITY, state, log, profiles, ledger::now, lastAt[0]));
        s.erasure = new ErasureFlow(s, vault, profiles);
        for (Customer c : state.all()) {
            if (c.erased() || c.retained() != null) {
                s.erasure.applyToVault(c); // a crash between the logged decision and the vault change
            }
        }
        s.thread.start();
        return s;
    }

    public KycProfiles profiles() {
        return profiles;
    }

    public Pseudonyms pseudonyms() {
        return vault.pseudonyms();
    }

    /**
     * Registers a customer: its personal data sealed in the vault of its zone, everything else in the log. Fails
     * with {@code invalid_request} (naming the field), {@code account_not_found}, {@code unknown_zone},
     * {@code customer_exists} or {@code account_already_linked}.
     */
    public CompletableFuture<Customer> create(NewCustomer c) {
        try {
            Validation.customer(c);
        } catch (CustomerException e) {
            return CompletableFuture.failedFuture(e);
        }
        String zone = c.residenceZone() != null ? c.residenceZone()
                : profiles.forCountry(c.country()).jurisdiction().toLowerCase(Locale.ROOT);
        if (!zones.contains(zone)) {
            return CompletableFuture.failedFuture(new CustomerException(CustomerError.UNKNOWN_ZONE,
                    "residence_zone must be one of " + zones.stream().sorted().toList(), "residence_zone"));
        }
        List<CompletableFuture<Outcome<dev.farthing.ledger.model.AccountView>>> lookups = new ArrayList<>();
        for (String a : c.accountIds()) {
            lookups.add(ledger.lookupAccount(a));
        }
        return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).thenCompose(ignored -> {
            for (int i = 0; i < lookups.size(); i++) {
                if (!lookups.get(i).join().isOk()) {
                    throw new CustomerException(CustomerError.ACCOUNT_NOT_FOUND,
                            "no ledger account " + c.accountIds().get(i), "account_ids[" + i + "]");
                }
            }
            String ref = PiiVault.newRef();
            vault.put(zone, c.id(), ref, PersonalDataCodec.encode(c.personal()));
            Pseudonyms ps = vault.pseudonyms();
            CustomerEvent.Created draft = new CustomerEvent.Created(c.id(), c.type(), c.country(), zone, c.accountIds(),
                    0, ps.token("name", Pseudonyms.normalise(c.personal().name())),
                    ps.token("email", Pseudonyms.normalise(c.personal().email())), ref);
            CompletableFuture<Customer> f = new CompletableFuture<>();
            submit(new Command.Create(draft, f));
            return f.whenComplete((made, error) -> {
                if (error != null) {
                    vault.delete(zone, c.id(), ref); // lost (exists, account taken): its sealed copy goes
                }
            });
        });
    }

    public Optional<Customer> get(String id) {
        return Optional.ofNullable(state.customers.get(id));
    }

    /** The customer owning a ledger account, if any. */
    public Optional<Customer> ownerOf(String accountId) {
        String id = state.ownerOfAccount.get(accountId);
        return id == null ? Optional.empty() : get(id);
    }

    /** Every customer (pseudonymous fields), in no particular order. */
    public List<Customer> customers() {
        return state.all();
    }

    /**
     * The customer's personal data (name, birth date, email, phone, address), decrypted: the read is first
     * recorded durably with who, role and why. Empty when the personal data was erased.
     * Fails with {@code customer_not_found}.
     */
    public CompletableFuture<Optional<PersonalData>> personalData(String id, Access access) {
        Objects.requireNonNull(access, "access");
        CompletableFuture<Customer> audited = new CompletableFuture<>();
        submit(new Command.Audit(id, access, audited));
        return audited.thenApply(c -> {
            String ref = state.piiRefs.get(id);
            return c.erased() || ref == null ? Optional.<PersonalData>empty()
                    : vault.get(c.zone(), id, ref).map(PersonalDataCodec::decode);
        });
    }

    /** Records a KYC verification: the customer is at {@code tier} from now on (lower or higher). */
    public CompletableFuture<Customer> verify(String id, int tier, String evidenceRef, String verifiedBy) {
        try {
            Validation.tier(tier, evidenceRef, verifiedBy);
        } catch (CustomerException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Customer> f = new CompletableFuture<>();
        submit(new Command.Verify(id, tier, evidenceRef, verifiedBy, f));
        return f;
    }

    /**
     * Freezes (or unfreezes) a customer: its payments are refused {@code customer_frozen} from the moment this
     * completes, and each of its ledger accounts is frozen (or reopened) too. {@code by} and {@code reason} are
     * recorded (a screening hit, a case number).
     */
    public CompletableFuture<Customer> freeze(String id, boolean frozen, String by, String reason) {
        CompletableFuture<Customer> f = new CompletableFuture<>();
        submit(new Command.Freeze(id, frozen, Objects.requireNonNull(by, "by"), Objects.requireNonNull(reason, "reason"), f));
        return f.thenCompose(c -> {
            List<CompletableFuture<?>> moves = new ArrayList<>();
            for (String a : c.accountIds()) {
                moves.add(ledger.changeAccountStatus(a, frozen ? AccountStatus.FROZEN : AccountStatus.OPEN));
            }
            return CompletableFuture.allOf(moves.toArray(CompletableFuture[]::new)).thenApply(x -> c);
        });
    }

    /**
     * The KYC gate of a payment out of {@code accountId}: checks the payer's limits and, when it fits, reserves
     * the amount in the same step (durably, before the future completes). A repeat of a reserved payment id is
     * admitted without counting again. An account no customer owns is admitted as it is.
     */
    public CompletableFuture<Admission> admit(String paymentId, String accountId, String currency, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("negative amount " + amount);
        }
        CompletableFuture<Admission> f = new CompletableFuture<>();
        if (!state.ownerOfAccount.containsKey(accountId)) {
            f.complete(Admission.UNLINKED); // accounts are linked only at creation, so this cannot race
            return f;
        }
        submit(new Command.Reserve(paymentId, accountId, currency, amount, f));
        return f;
    }

    /** Gives back the reservation of a payment that moved nothing; completes with whether there was one. */
    public CompletableFuture<Boolean> release(String paymentId) {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        submit(new Command.Release(paymentId, f));
        return f;
    }

    /** Used today and this month by the customer in the currency, ledger time now: {@code [day, month]}. */
    public CompletableFuture<long[]> usage(String customerId, String currency) {
        CompletableFuture<long[]> f = new CompletableFuture<>();
        submit(new Command.Usage(customerId, currency, f));
        return f;
    }

    /**
     * Erases the customer's personal data as far as the law allows now (see {@link ErasureFlow}): crypto-shredding
     * when nothing must be kept; else what is kept, why and until when is in the certificate. Idempotent.
     */
    public CompletableFuture<ErasureResult> erase(String id, String by, String reason) {
        try {
            return CompletableFuture.completedFuture(erasure.erase(id, by, reason));
        } catch (CustomerException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Destroys the data key of a customer whose retained identity data reached the end of its retention. */
    public CompletableFuture<ErasureResult> shred(String id, String by, String reason) {
        try {
            return CompletableFuture.completedFuture(erasure.shred(id, by, reason));
        } catch (CustomerException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The public key (base64 X.509 Ed25519) that verifies this service's erasure certificates. */
    public String erasureCertificateKey() {
        return erasure.publicKey();
    }

    /** Places ({@code caseRef} non-null) or releases a legal hold: while it stands, erasure keeps everything. */
    public CompletableFuture<Customer> legalHold(String id, String caseRef, String by) {
        CompletableFuture<Customer> f = new CompletableFuture<>();
        submit(new Command.Hold(id, caseRef, Objects.requireNonNull(by, "by"), f));
        return f;
    }

    /** Ledger time now. */
    public long now() {
        return ledger.now();
    }

    CompletableFuture<Customer> submitErase(CustomerEvent.Erased draft, int keepYears) {
        CompletableFuture<Customer> f = new CompletableFuture<>();
        submit(new Command.Erase(draft, keepYears, f));
        return f;
    }

    static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof CustomerException c) {
                throw c;
            }
            throw new CustomerException(CustomerError.UNAVAILABLE, "the customer service failed: " + e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new CustomerException(CustomerError.UNAVAILABLE, "the customer service did not answer in 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CustomerException(CustomerError.UNAVAILABLE, "interrupted");
        }
    }

    void submit(Command c) {
        if (!loop.offer(c)) {
            c.future().completeExceptionally(new CustomerException(CustomerError.OVERLOADED,
                    "the customer service is busy or stopping; retry shortly"));
        }
    }

    CustomerState state() {
        return state;
    }

    PiiVault vault() {
        return vault;
    }

    private static long at(CustomerEvent e) {
        return switch (e) {
            case CustomerEvent.Created c -> c.at();
            case CustomerEvent.Verified v -> v.at();
            case CustomerEvent.Frozen f -> f.at();
            case CustomerEvent.Reserved r -> r.at();
            case CustomerEvent.Released r -> 0;
            case CustomerEvent.PersonalDataRead r -> r.at();
            case CustomerEvent.Erased x -> x.at();
            case CustomerEvent.HoldChanged h -> h.at();
        };
    }

    /** Stops taking commands, lets the writer finish what is queued, then closes the log. */
    @Override
    public void close() {
        loop.stop();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.close();
    }
}
