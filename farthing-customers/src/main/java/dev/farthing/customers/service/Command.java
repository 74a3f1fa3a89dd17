package dev.farthing.customers.service;

import dev.farthing.customers.customer.Customer;

import java.util.concurrent.CompletableFuture;

/** What the writer thread is asked to do; each carries the future its caller waits on. */
sealed interface Command {
    CompletableFuture<?> future();

    record Create(CustomerEvent.Created draft, CompletableFuture<Customer> future) implements Command {
    }

    record Verify(String id, int tier, String evidenceRef, String verifiedBy, CompletableFuture<Customer> future)
            implements Command {
    }

    record Freeze(String id, boolean frozen, String by, String reason, CompletableFuture<Customer> future)
            implements Command {
    }

    record Reserve(String paymentId, String accountId, String currency, long amount,
                   CompletableFuture<Admission> future) implements Command {
    }

    record Release(String paymentId, CompletableFuture<Boolean> future) implements Command {
    }

    record Audit(String id, Access access, CompletableFuture<Customer> future) implements Command {
    }

    /** {@code draft} carries what to erase and keep; the writer stamps the time and {@code keepYears} from it. */
    record Erase(CustomerEvent.Erased draft, int keepYears, CompletableFuture<Customer> future) implements Command {
    }

    record Hold(String id, String caseRef, String by, CompletableFuture<Customer> future) implements Command {
    }

    /** A read of KYC usage, answered by the writer so it sees every reservation before it. */
    record Usage(String customerId, String currency, CompletableFuture<long[]> future) implements Command {
    }
}
