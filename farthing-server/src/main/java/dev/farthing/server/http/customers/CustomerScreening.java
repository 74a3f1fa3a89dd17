package dev.farthing.server.http.customers;

import dev.farthing.compliance.screening.BirthDate;
import dev.farthing.compliance.screening.EntityType;
import dev.farthing.compliance.screening.ListSnapshot;
import dev.farthing.compliance.screening.ListedName;
import dev.farthing.compliance.screening.SanctionsEntry;
import dev.farthing.compliance.screening.Screener;
import dev.farthing.compliance.screening.ScreeningHit;
import dev.farthing.compliance.screening.ScreeningQuery;
import dev.farthing.compliance.screening.ScreeningResult;
import dev.farthing.contracts.audit.AuditSink;
import dev.farthing.customers.customer.Customer;
import dev.farthing.customers.customer.CustomerType;
import dev.farthing.customers.customer.PersonalData;
import dev.farthing.customers.service.Access;
import dev.farthing.customers.service.CustomerService;
import dev.farthing.server.http.customers.ScreeningBook.Hit;
import dev.farthing.server.http.customers.ScreeningBook.Screen;
import dev.farthing.server.http.customers.ScreeningBook.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Sanctions screening of customers, wired in the server because it needs both domains: a customer is screened
 * when created and again, in the background, whenever a new list version is installed. Hits at or above the
 * screener's alert threshold are recorded (with list version, list hash and each entry's content hash) in the
 * {@link ScreeningBook}; a false positive a compliance user cleared is not raised again while it is unexpired
 * and its listed entry is unchanged. Re-screening keeps one pending version (the latest): bounded.
 */
final class CustomerScreening implements AutoCloseable {
    static final String CLEAR = "clear";
    static final String POTENTIAL = "potential_match";
    static final String CONFIRMED = "confirmed_match";
    private static final Logger LOG = LoggerFactory.getLogger(CustomerScreening.class);
    private static final String SCREENER_KEY = "screening";

    private final CustomerService service;
    private final ScreeningBook book;
    private final Object oneAtATime = new Object();
    private final BlockingQueue<ListSnapshot> pending = new ArrayBlockingQueue<>(1);
    private final AtomicReference<EntryHashes> hashes = new AtomicReference<>();
    private final Thread rescreener;
    private volatile Supplier<Optional<Screener>> screener = Optional::empty;
    private volatile AuditSink audit = AuditSink.NONE;
    final AtomicLong rescreenTotal = new AtomicLong();
    final AtomicLong rescreenDone = new AtomicLong();
    final AtomicLong newMatches = new AtomicLong();

    private record EntryHashes(String version, Map<String, String> byEntity) {
    }

    CustomerScreening(CustomerService service, ScreeningBook book) {
        this.service = service;
        this.book = book;
        this.rescreener = Thread.ofPlatform().name("customer-rescreen").daemon().start(this::rescreenLoop);
    }

    ScreeningBook book() {
        return book;
    }

    void useScreener(Supplier<Optional<Screener>> source, AuditSink audit) {
        this.screener = source;
        this.audit = audit;
    }

    /** Where verdicts (confirm, clear, lift) are audited. */
    AuditSink audit() {
        return audit;
    }

    /** A new list version was installed: every customer is screened against it (unless that was done already). */
    void listInstalled(ListSnapshot snapshot) {
        if (snapshot.version().equals(book.rescreenedVersion())) {
            return;
        }
        synchronized (pending) { // latest wins: an older version still waiting is superseded
            pending.clear();
            pending.offer(snapshot);
        }
    }

    /** Screens a customer just created, from the data it was registered with; empty when no list is loaded. */
    Optional<Screen> screenNew(Customer c, PersonalData personal) {
        Optional<Screener> s = screener.get();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        synchronized (oneAtATime) {
            return Optional.of(screen(c, personal, s.get()));
        }
    }

    private Screen screen(Customer c, PersonalData personal, Screener s) {
        Optional<Screen> before = book.screen(c.id());
        if (before.isPresent() && before.get().status().equals(CONFIRMED)) {
            return before.get(); // a confirmed hit stands until compliance lifts it; re-screening does not clear it
        }
        ListSnapshot snapshot = s.snapshot();
        LocalDate born = personal.birthDate();
        ScreeningQuery q = new ScreeningQuery(personal.name(),
                c.type() == CustomerType.PERSON ? EntityType.PERSON : EntityType.ORGANIZATION,
                born == null ? null : new BirthDate(born.getYear(), born.getYear(), born.getMonthValue(), born.getDayOfMonth()),
                c.country(), ScreeningQuery.DEFAULT_LIMIT);
        ScreeningResult result = s.search(q);
        Map<String, String> entryHashes = entryHashes(snapshot);
        Map<String, Verdict> verdicts = book.verdicts(c.id());
        long now = service.now();
        List<Hit> hits = new ArrayList<>();
        for (ScreeningHit h : result.hits()) {
            Hit hit = new Hit(h.entityId(), h.list().wireName(), h.name(), h.matchedName(), h.score(),
                    List.copyOf(h.explanation()), entryHashes.getOrDefault(h.entityId(), ""));
            Verdict v = verdicts.get(h.entityId());
            if (v != null && v.allows(hit, now)) {
                continue;
            }
            if (before.map(b -> b.hits().stream().noneMatch(x -> x.entityId().equals(hit.entityId())
                    && x.entryHash().equals(hit.entryHash()))).orElse(true)) {
                newMatches.incrementAndGet();
            }
            hits.add(hit);
        }
        return book.recordScreen(c.id(), new Screen(hits.isEmpty() ? CLEAR : POTENTIAL, result.listVersion(),
                result.listHash(), now, List.copyOf(hits)));
    }

    private void rescreenLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            ListSnapshot snapshot;
            try {
                snapshot = pending.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                rescreen(snapshot);
            } catch (RuntimeException e) {
                LOG.error("re-screening customers against list {} failed; it is retried on the next list update",
                        snapshot.version(), e);
            }
        }
    }

    private void rescreen(ListSnapshot snapshot) {
        Optional<Screener> s = screener.get();
        if (s.isEmpty()) {
            return;
        }
        List<Customer> all = service.customers();
        rescreenTotal.set(all.size());
        rescreenDone.set(0);
        int failed = 0;
        for (Customer c : all) {
            if (Thread.currentThread().isInterrupted() || !s.get().snapshot().version().equals(snapshot.version())) {
                return; // stopping, or superseded by a newer version that is queued
            }
            try {
                if (!c.erased()) {
                    Optional<PersonalData> personal = CustomerRoutes.call(service.personalData(c.id(),
                            new Access(SCREENER_KEY, "compliance", "sanctions re-screen against list " + snapshot.version())));
                    if (personal.isPresent()) {
                        synchronized (oneAtATime) {
                            screen(c, personal.get(), s.get());
                        }
                    }
                }
            } catch (RuntimeException e) { // one customer failing does not stop the others
                failed++;
                LOG.warn("re-screening customer {} against list {} failed: {}", c.id(), snapshot.version(), e.toString());
            }
            rescreenDone.incrementAndGet();
        }
        if (failed > 0) { // not marked done: the next start (or list update) runs it again
            LOG.error("re-screening against list {}: {} of {} customers failed", snapshot.version(), failed, all.size());
            return;
        }
        book.recordRescreened(snapshot.version(), all.size());
        LOG.info("re-screened {} customers against sanctions list {}", all.size(), snapshot.version());
    }

    /** The content hash of the listed entry a hit names, for the allowlist: a changed entry is a new hit. */
    String entryHash(String entityId) {
        return screener.get().map(s -> entryHashes(s.snapshot()).getOrDefault(entityId, "")).orElse("");
    }

    private Map<String, String> entryHashes(ListSnapshot snapshot) {
        EntryHashes h = hashes.get();
        if (h != null && h.version().equals(snapshot.version())) {
            return h.byEntity();
        }
        Map<String, String> byEntity = new HashMap<>();
        for (SanctionsEntry e : snapshot.entries()) {
            byEntity.put(e.entityId(), fingerprint(e));
        }
        hashes.set(new EntryHashes(snapshot.version(), byEntity));
        return byEntity;
    }

    /** SHA-256 over the entry's content in a fixed order (sets sorted: their iteration order varies by run). */
    static String fingerprint(SanctionsEntry e) {
        StringBuilder b = new StringBuilder(256).append(e.entityId()).append('|').append(e.type()).append('|');
        for (ListedName n : e.names()) {
            b.append(n.text()).append(n.primary() ? "+p" : "").append(n.weak() ? "+w" : "").append(';');
        }
        b.append('|').append(e.birthDates()).append('|').append(e.birthPlaces()).append('|')
                .append(new TreeSet<>(e.nationalities())).append('|').append(new TreeSet<>(e.countries())).append('|')
                .append(e.documents()).append('|').append(e.programs());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException(x);
        }
    }

    Optional<ListSnapshot> currentList() {
        return screener.get().map(Screener::snapshot);
    }

    Object lock() {
        return oneAtATime;
    }

    @Override
    public void close() {
        rescreener.interrupt();
        try {
            rescreener.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        book.close();
    }
}
