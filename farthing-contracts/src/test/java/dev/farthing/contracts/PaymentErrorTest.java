package dev.farthing.contracts;

import dev.farthing.contracts.payment.PaymentError;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentErrorTest {

    @Test
    void codesAreUniqueSnakeCaseAndCategorised() {
        Set<String> seen = new HashSet<>();
        for (PaymentError e : PaymentError.values()) {
            assertThat(e.code()).as(e.name()).matches("[a-z]+(_[a-z]+)*");
            assertThat(seen.add(e.code())).as("duplicate code " + e.code()).isTrue();
            assertThat(e.category()).as(e.name()).isNotNull();
        }
    }

    @Test
    void aRefusalCarriesItsReasonCategoryAndFieldWithoutAStackTrace() {
        Refusal r = new Refusal(PaymentError.NOT_FOUND, "no account bob", "payee");
        assertThat(r.code()).isEqualTo("not_found");
        assertThat(r.category()).isEqualTo(RefusalCategory.NOT_FOUND);
        assertThat(r.field()).isEqualTo("payee");
        assertThat(r.detail()).isEqualTo("no account bob");
        assertThat(r.getStackTrace()).isEmpty();
    }
}
