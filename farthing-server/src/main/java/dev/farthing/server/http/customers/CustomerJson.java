package dev.farthing.server.http.customers;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.farthing.customers.customer.Customer;
import dev.farthing.customers.customer.CustomerType;
import dev.farthing.customers.customer.NewCustomer;
import dev.farthing.customers.customer.PersonalData;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.JsonIn;
import dev.farthing.server.http.Times;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Customer bodies: strict readers (unknown fields and wrong types are 400 naming the field) and the views. */
final class CustomerJson {
    private CustomerJson() {
    }

    /**
     * {@code {id, type, name, birth_date?, country, residence_zone?, email?, phone?, address?, account_ids}}.
     */
    static NewCustomer readNew(JsonIn in) {
        in.startObject("");
        String id = null, name = null, country = null, zone = null, email = null, phone = null, address = null;
        CustomerType type = null;
        LocalDate birth = null;
        List<String> accounts = null;
        String f;
        while ((f = in.nextField()) != null) {
            switch (f) {
                case "id" -> id = in.string(f);
                case "type" -> {
                    type = CustomerType.fromWire(in.string(f));
                    if (type == null) {
                        throw in.invalid(f, "must be person or organization");
                    }
                }
                case "name" -> name = in.string(f);
                case "birth_date" -> birth = date(in, f, in.optionalString(f));
                case "country" -> country = in.string(f);
                case "residence_zone" -> zone = in.optionalString(f);
                case "email" -> email = in.optionalString(f);
                case "phone" -> phone = in.optionalString(f);
                case "address" -> address = in.optionalString(f);
                case "account_ids" -> accounts = strings(in, f);
                default -> throw in.unknownField(f);
            }
        }
        if (id == null || type == null || name == null || country == null) {
            throw in.invalid(id == null ? "id" : type == null ? "type" : name == null ? "name" : "country", "is required");
        }
        return new NewCustomer(id, type, new PersonalData(name, birth, email, phone, address), country, zone,
                accounts == null ? List.of() : accounts);
    }

    record Kyc(int tier, String evidenceRef, String verifiedBy) {
    }

    /** {@code {tier, evidence_ref, verified_by}}. */
    static Kyc readKyc(JsonIn in) {
        in.startObject("");
        Long tier = null;
        String evidence = null, by = null;
        String f;
        while ((f = in.nextField()) != null) {
            switch (f) {
                case "tier" -> tier = in.nonNegative(f, 3);
                case "evidence_ref" -> evidence = in.optionalString(f);
                case "verified_by" -> by = in.optionalString(f);
                default -> throw in.unknownField(f);
            }
        }
        if (tier == null) {
            throw in.invalid("tier", "is required (0..3)");
        }
        return new Kyc(tier.intValue(), evidence, by);
    }

    /** The pseudonymous view every reader may see; {@code personal} (may be null) only for an audited read. */
    static byte[] customer(Customer c, PersonalData personal) {
        return customer(c, personal, null);
    }

    /** The record; {@code extra} (the screening member) is written after the standard members when non-null. */
    static byte[] customer(Customer c, PersonalData personal, Json.Writer extra) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("id", c.id());
            g.writeStringField("type", c.type().wire());
            g.writeStringField("country", c.country());
            g.writeStringField("residence_zone", c.zone());
            g.writeArrayFieldStart("account_ids");
            for (String a : c.accountIds()) {
                g.writeString(a);
            }
            g.writeEndArray();
            g.writeNumberField("kyc_tier", c.tier());
            if (c.kyc() != null) {
                g.writeObjectFieldStart("kyc");
                g.writeNumberField("tier", c.kyc().tier());
                g.writeStringField("evidence_ref", c.kyc().evidenceRef());
                g.writeStringField("verified_by", c.kyc().verifiedBy());
                g.writeStringField("verified_at", Times.format(c.kyc().verifiedAt()));
                g.writeStringField("jurisdiction", c.kyc().jurisdiction());
                g.writeStringField("profile_version", c.kyc().profileVersion());
                g.writeEndObject();
            }
            g.writeBooleanField("frozen", c.frozen());
            g.writeStringField("created_at", Times.format(c.createdAt()));
            g.writeStringField("name_pseudonym", c.namePseudonym());
            if (c.emailPseudonym() != null) {
                g.writeStringField("email_pseudonym", c.emailPseudonym());
            }
            g.writeBooleanField("personal_data_erased", c.erased());
            status(g, c);
            if (personal != null) {
                personal(g, personal);
            }
            if (extra != null) {
                extra.write(g);
            }
            g.writeEndObject();
        });
    }

    /** Erasure state: what an erasure request kept and the open legal hold, if any. */
    private static void status(JsonGenerator g, Customer c) throws IOException {
        if (c.retained() != null && !c.erased()) {
            g.writeObjectFieldStart("retained");
            kept(g, c.retained().fields(), c.retained().why(), c.retained().basis(), c.retained().until());
            g.writeStringField("requested_at", Times.format(c.retained().requestedAt()));
            g.writeEndObject();
        }
        if (c.hold() != null) {
            g.writeObjectFieldStart("legal_hold");
            g.writeStringField("case_ref", c.hold().caseRef());
            g.writeStringField("placed_by", c.hold().placedBy());
            g.writeStringField("placed_at", Times.format(c.hold().placedAt()));
            g.writeEndObject();
        }
    }

    private static void kept(JsonGenerator g, List<String> fields, String why, String basis, long until) throws IOException {
        g.writeArrayFieldStart("fields");
        for (String f : fields) {
            g.writeString(f);
        }
        g.writeEndArray();
        g.writeStringField("why", why);
        g.writeStringField("basis", basis);
        if (until == 0) {
            g.writeNullField("until");
        } else {
            g.writeStringField("until", Times.format(until));
        }
    }

    /** Subject access: the customer record, its personal data (null once erased) and its erasure state. */
    static byte[] subjectAccess(Customer c, PersonalData p) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeFieldName("customer");
            g.writeRawValue(new String(customer(c, null), java.nio.charset.StandardCharsets.UTF_8));
            if (p != null) {
                personal(g, p);
            } else {
                g.writeNullField("personal_data");
            }
            g.writeStringField("held_in_zone", c.zone());
            g.writeEndObject();
        });
    }

    /** The erasure reply: what was erased, what kept (why, until when) and the signed certificate. */
    static byte[] erasure(dev.farthing.customers.erasure.ErasureResult r, String publicKey) {
        var cert = r.certificate();
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("customer_id", cert.customerId());
            g.writeBooleanField("key_destroyed", cert.keyDestroyed());
            g.writeArrayFieldStart("erased");
            for (String f : cert.erasedFields()) {
                g.writeString(f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("kept");
            for (var k : cert.kept()) {
                g.writeStartObject();
                kept(g, k.fields(), k.why(), k.basis(), k.until());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("certificate");
            g.writeStringField("format", "farthing-erasure-certificate/1");
            g.writeStringField("signed", new String(cert.signedBytes(), java.nio.charset.StandardCharsets.UTF_8));
            g.writeStringField("signature", cert.signature());
            g.writeStringField("algorithm", "Ed25519");
            g.writeStringField("public_key", publicKey);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    static void personal(JsonGenerator g, PersonalData p) throws IOException {
        g.writeObjectFieldStart("personal_data");
        g.writeStringField("name", p.name());
        if (p.birthDate() != null) {
            g.writeStringField("birth_date", p.birthDate().toString());
        }
        optional(g, "email", p.email());
        optional(g, "phone", p.phone());
        optional(g, "address", p.address());
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String field, String v) throws IOException {
        if (v != null) {
            g.writeStringField(field, v);
        }
    }

    private static LocalDate date(JsonIn in, String field, String s) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw in.invalid(field, "must be a date YYYY-MM-DD");
        }
    }

    private static List<String> strings(JsonIn in, String field) {
        if (!in.isArrayStart()) {
            throw in.invalid(field, "must be an array of account ids");
        }
        List<String> out = new ArrayList<>();
        while (in.nextElement()) {
            out.add(in.string(field + "[" + out.size() + "]"));
        }
        return out;
    }
}
