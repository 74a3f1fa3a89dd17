package dev.farthing.customers.service;

import dev.farthing.customers.customer.Customer;
import dev.farthing.customers.customer.CustomerError;
import dev.farthing.customers.customer.CustomerException;
import dev.farthing.customers.customer.PersonalData;
import dev.farthing.customers.erasure.ErasureCertificate;
import dev.farthing.customers.erasure.ErasureResult;
import dev.farthing.customers.kyc.KycProfile;
import dev.farthing.customers.kyc.KycProfiles;
import dev.farthing.customers.vault.PersonalDataCodec;
import dev.farthing.customers.vault.PiiVault;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Erasure of a subject's personal data (GDPR Art. 17, CCPA 1798.105), against what the law makes a firm keep:
 * <ul>
 *   <li>an open legal hold (an AML case) keeps everything until it is released;</li>
 *   <li>after due diligence (tier 1 and up) the identity fields of the profile's {@code record_retention} are kept
 *       for its years (re-sealed alone, under the same subject key); the rest (email, phone) goes now;</li>
 *   <li>otherwise the subject's data key is destroyed: crypto-shredding, every copy of the record is noise.</li>
 * </ul>
 * The decision is recorded durably first (the audit trail); vault changes follow and are repaired on open if a
 * crash fell between. Amounts, pseudonyms and the ledger are untouched, so books and hash chain stay valid.
 * Erasures are rare: one at a time, under a lock, off the writer thread.
 */
final class ErasureFlow {
    static final String RETENTION = "record_retention";
    static final String LEGAL_HOLD = "legal_hold";
    private static final List<String> ALL_FIELDS = List.of("name", "birth_date", "email", "phone", "address");
    private final CustomerService service;
    private final PiiVault vault;
    private final KycProfiles profiles;
    private final ErasureCertificate.Signer signer;
    private final ReentrantLock lock = new ReentrantLock();

    ErasureFlow(CustomerService service, PiiVault vault, KycProfiles profiles) {
        this.service = service;
        this.vault = vault;
        this.profiles = profiles;
        this.signer = new ErasureCertificate.Signer(vault);
    }

    String publicKey() {
        return signer.publicKey();
    }

    ErasureResult erase(String id, String by, String reason) {
        lock.lock();
        try {
            Customer c = service.get(id).orElseThrow(() ->
                    new CustomerException(CustomerError.CUSTOMER_NOT_FOUND, "no customer " + id));
            if (c.erased() || (c.retained() != null && RETENTION.equals(c.retained().why()))) {
                return certify(c, by, List.of(), kept(c)); // already done: a repeat never extends a retention
            }
            String ref = service.state().piiRefs.get(id);
            PersonalData now = ref == null ? null : vault.get(c.zone(), id, ref).map(PersonalDataCodec::decode).orElse(null);
            List<String> present = now == null ? List.of() : present(now);
            KycProfile profile = profiles.forCountry(c.country());
            CustomerEvent.Erased draft;
            int years = 0;
            if (c.hold() != null) {
                draft = new CustomerEvent.Erased(id, 0, by, reason, List.of(), false, present, LEGAL_HOLD,
                        "open case " + c.hold().caseRef() + ": evidence must be preserved (AMLD Art. 40, MLR 2017 reg. 40, 31 CFR 1010.430)",
                        0, null);
            } else if (c.tier() >= 1 && now != null) {
                List<String> kept = present.stream().filter(profile.retention().fields()::contains).toList();
                List<String> erased = present.stream().filter(f -> !kept.contains(f)).toList();
                String newRef = PiiVault.newRef();
                vault.put(c.zone(), id, newRef, PersonalDataCodec.encode(only(now, kept)));
                years = profile.retention().years();
                draft = new CustomerEvent.Erased(id, 0, by, reason, erased, false, kept, RETENTION,
                        profile.retention().source(), 0, newRef);
            } else {
                draft = new CustomerEvent.Erased(id, 0, by, reason, present, true, List.of(), null, null, 0, null);
            }
            Customer after = CustomerService.await(service.submitErase(draft, years));
            applyToVault(after);
            return certify(after, by, draft.erasedFields(), kept(after));
        } finally {
            lock.unlock();
        }
    }

    /** Crypto-shreds whatever an earlier erasure kept (its retention ended): the data key goes. */
    ErasureResult shred(String id, String by, String reason) {
        lock.lock();
        try {
            Customer c = service.get(id).orElseThrow(() ->
                    new CustomerException(CustomerError.CUSTOMER_NOT_FOUND, "no customer " + id));
            if (c.hold() != null) {
                throw new IllegalStateException("customer " + id + " is under legal hold " + c.hold().caseRef());
            }
            List<String> fields = c.retained() == null ? List.of() : c.retained().fields();
            Customer after = CustomerService.await(service.submitErase(new CustomerEvent.Erased(id, 0, by, reason,
                    fields, true, List.of(), null, null, 0, null), 0));
            applyToVault(after);
            return certify(after, by, fields, List.of());
        } finally {
            lock.unlock();
        }
    }

    private static List<ErasureCertificate.Kept> kept(Customer c) {
        return c.retained() == null || c.erased() ? List.of() : List.of(new ErasureCertificate.Kept(
                c.retained().fields(), c.retained().why(), c.retained().basis(), c.retained().until()));
    }

    /** Brings the vault in line with what the log says was decided (also the repair after a crash). */
    void applyToVault(Customer c) {
        if (c.erased()) {
            vault.destroy(c.zone(), c.id());
        } else if (c.retained() != null && service.state().piiRefs.get(c.id()) != null) {
            vault.deleteOtherRecords(c.zone(), c.id(), service.state().piiRefs.get(c.id()));
        }
    }

    private ErasureResult certify(Customer c, String by, List<String> erased, List<ErasureCertificate.Kept> kept) {
        long at = c.erasedAt() != null ? c.erasedAt() : c.retained() != null ? c.retained().requestedAt() : 0;
        return new ErasureResult(c, signer.sign(c.id(), service.pseudonyms().token("subject", c.id()), at, by, erased,
                c.erased(), kept));
    }

    private static List<String> present(PersonalData p) {
        List<String> out = new ArrayList<>();
        for (String f : ALL_FIELDS) {
            if (value(p, f) != null) {
                out.add(f);
            }
        }
        return out;
    }

    private static Object value(PersonalData p, String field) {
        return switch (field) {
            case "name" -> p.name();
            case "birth_date" -> p.birthDate();
            case "email" -> p.email();
            case "phone" -> p.phone();
            case "address" -> p.address();
            default -> null;
        };
    }

    private static PersonalData only(PersonalData p, List<String> kept) {
        return new PersonalData(kept.contains("name") ? p.name() : "", kept.contains("birth_date") ? p.birthDate() : null,
                kept.contains("email") ? p.email() : null, kept.contains("phone") ? p.phone() : null,
                kept.contains("address") ? p.address() : null);
    }

}
