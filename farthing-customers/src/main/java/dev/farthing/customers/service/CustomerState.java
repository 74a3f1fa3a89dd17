package dev.farthing.customers.service;

import dev.farthing.customers.customer.Customer;
import dev.farthing.customers.customer.KycVerification;
import dev.farthing.customers.kyc.UsageBook;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Customers, which customer owns which account, and KYC usage: changed only by the writer thread applying
 * events (live or replayed), read by any thread (the maps are concurrent; a customer is an immutable record).
 */
final class CustomerState {
    final Map<String, Customer> customers = new ConcurrentHashMap<>();
    final Map<String, String> ownerOfAccount = new ConcurrentHashMap<>();
    final Map<String, String> piiRefs = new ConcurrentHashMap<>();
    final UsageBook usage;

    CustomerState(int maxReservations) {
        this.usage = new UsageBook(maxReservations);
    }

    void apply(CustomerEvent event) {
        switch (event) {
            case CustomerEvent.Created c -> {
                customers.put(c.id(), new Customer(c.id(), c.type(), c.country(), c.zone(), c.accountIds(), 0, null,
                        false, c.at(), c.namePseudonym(), c.emailPseudonym(), null, null, null));
                piiRefs.put(c.id(), c.piiRef());
                for (String a : c.accountIds()) {
                    String before = ownerOfAccount.putIfAbsent(a, c.id());
                    assert before == null : "account " + a + " linked twice";
                }
            }
            case CustomerEvent.Verified v -> customers.computeIfPresent(v.id(), (k, c) -> c.withKyc(
                    new KycVerification(v.tier(), v.evidenceRef(), v.verifiedBy(), v.at(), v.jurisdiction(),
                            v.profileVersion())));
            case CustomerEvent.Frozen f -> customers.computeIfPresent(f.id(), (k, c) -> c.withFrozen(f.frozen()));
            case CustomerEvent.Reserved r -> usage.reserve(r.paymentId(), r.customerId(), r.currency(), r.amount(), r.at());
            case CustomerEvent.Released r -> usage.release(r.paymentId());
            case CustomerEvent.PersonalDataRead r -> {
                // audit only: the log is the trail
            }
            case CustomerEvent.Erased e -> {
                if (e.keyDestroyed()) {
                    customers.computeIfPresent(e.id(), (k, c) -> c.withErasure(e.at(), null));
                    piiRefs.remove(e.id());
                } else {
                    Long firstAt = customers.get(e.id()) == null || customers.get(e.id()).retained() == null ? e.at()
                            : customers.get(e.id()).retained().requestedAt();
                    customers.computeIfPresent(e.id(), (k, c) -> c.withErasure(null, new Customer.Retained(
                            e.keptFields(), e.why(), e.basis(), firstAt, e.keptUntil())));
                    if (e.piiRef() != null) {
                        piiRefs.put(e.id(), e.piiRef());
                    }
                }
            }
            case CustomerEvent.HoldChanged h -> customers.computeIfPresent(h.id(), (k, c) -> c.withHold(
                    h.caseRef() == null ? null : new Customer.LegalHold(h.caseRef(), h.by(), h.at())));
        }
    }

    List<Customer> all() {
        return List.copyOf(customers.values());
    }
}
