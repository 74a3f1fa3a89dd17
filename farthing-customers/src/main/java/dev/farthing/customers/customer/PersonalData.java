package dev.farthing.customers.customer;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything personal about a customer: held only inside the PII vault, sealed with the subject's own key, and
 * never written anywhere else. Optional fields are null. Organisations have no birth date.
 */
public record PersonalData(String name, LocalDate birthDate, String email, String phone, String address) {

    public PersonalData {
        Objects.requireNonNull(name, "name");
    }
}
