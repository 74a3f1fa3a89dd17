package dev.farthing.customers.service;

import dev.farthing.customers.customer.CustomerError;
import dev.farthing.customers.customer.CustomerException;
import dev.farthing.customers.customer.NewCustomer;
import dev.farthing.customers.customer.PersonalData;
import dev.farthing.customers.customer.CustomerType;
import dev.farthing.customers.kyc.KycProfile;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Strict checks of what a client sends: a bad field is a refusal naming it, never a silent fix. */
final class Validation {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final int MAX_TEXT = 512;
    static final int MAX_ACCOUNTS = 64;

    private Validation() {
    }

    static void customer(NewCustomer c) {
        id(c.id(), "id");
        if (!COUNTRY.matcher(c.country()).matches()) {
            throw invalid("country must be an ISO 3166-1 alpha-2 code such as DE", "country");
        }
        PersonalData p = c.personal();
        text(p.name(), "name", true);
        text(p.email(), "email", false);
        text(p.phone(), "phone", false);
        text(p.address(), "address", false);
        if (p.email() != null && !p.email().matches("[^@\\s]+@[^@\\s]+")) {
            throw invalid("email must look like name@domain", "email");
        }
        if (p.birthDate() != null) {
            if (c.type() == CustomerType.ORGANIZATION) {
                throw invalid("an organization has no birth date", "birth_date");
            }
            if (p.birthDate().isAfter(LocalDate.of(2200, 1, 1)) || p.birthDate().isBefore(LocalDate.of(1870, 1, 1))) {
                throw invalid("birth_date is out of range", "birth_date");
            }
        }
        if (c.accountIds().size() > MAX_ACCOUNTS) {
            throw invalid("at most " + MAX_ACCOUNTS + " accounts per customer", "account_ids");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < c.accountIds().size(); i++) {
            String a = c.accountIds().get(i);
            if (a == null || a.isBlank() || !seen.add(a)) {
                throw invalid("account ids are non-empty and distinct", "account_ids[" + i + "]");
            }
        }
    }

    static void tier(int tier, String evidenceRef, String verifiedBy) {
        if (tier < 0 || tier > KycProfile.MAX_TIER) {
            throw new CustomerException(CustomerError.INVALID_TIER, "tier must be 0.." + KycProfile.MAX_TIER, "tier");
        }
        if (tier > 0) {
            text(evidenceRef, "evidence_ref", true);
            text(verifiedBy, "verified_by", true);
        }
    }

    static void id(String id, String field) {
        if (id == null || !ID.matcher(id).matches()) {
            throw invalid(field + " must match " + ID, field);
        }
    }

    private static void text(String s, String field, boolean required) {
        if (s == null) {
            if (required) {
                throw invalid(field + " is required", field);
            }
            return;
        }
        if (s.isBlank() || s.length() > MAX_TEXT) {
            throw invalid(field + " must be 1.." + MAX_TEXT + " characters", field);
        }
    }

    private static CustomerException invalid(String detail, String field) {
        return new CustomerException(CustomerError.INVALID_REQUEST, detail, field);
    }
}
