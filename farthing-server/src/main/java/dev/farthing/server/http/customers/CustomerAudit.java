package dev.farthing.server.http.customers;

import dev.farthing.customers.customer.Customer;
import dev.farthing.server.http.audit.AuditTrail;

/**
 * A customer's state for the audit trail, without personal data (ids, zone, tier, KYC evidence reference,
 * frozen, erased). Subjects are {@code customer:<id>}; actions {@code customer.created}, {@code kyc.decided},
 * {@code screening.hit_*}, {@code personal_data.read}, {@code personal_data.erased}.
 */
final class CustomerAudit {
    private CustomerAudit() {
    }

    static String subject(String customerId) {
        return "customer:" + customerId;
    }

    static String state(Customer c) {
        if (c == null) {
            return null;
        }
        return AuditTrail.state(g -> {
            g.writeStartObject();
            g.writeStringField("type", c.type().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("zone", c.zone());
            g.writeNumberField("tier", c.tier());
            if (c.kyc() != null) {
                g.writeStringField("kyc_evidence_ref", c.kyc().evidenceRef());
                g.writeStringField("kyc_verified_by", c.kyc().verifiedBy());
                g.writeStringField("kyc_profile_version", c.kyc().profileVersion());
            }
            g.writeBooleanField("frozen", c.frozen());
            g.writeBooleanField("erased", c.erasedAt() != null);
            g.writeEndObject();
        });
    }
}
