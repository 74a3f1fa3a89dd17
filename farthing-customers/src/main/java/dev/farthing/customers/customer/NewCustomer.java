package dev.farthing.customers.customer;

import java.util.List;
import java.util.Objects;

/**
 * A customer as a client registers it ({@code POST /v1/customers}). {@code country} is ISO 3166-1 alpha-2 and
 * chooses the KYC profile; {@code residenceZone} names the vault partition that holds the personal data (the
 * zone of the country when null). Every account in {@code accountIds} must exist and belong to no one else.
 */
public record NewCustomer(String id, CustomerType type, PersonalData personal, String country, String residenceZone,
                          List<String> accountIds) {

    public NewCustomer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(personal, "personal");
        Objects.requireNonNull(country, "country");
        accountIds = List.copyOf(accountIds);
    }
}
