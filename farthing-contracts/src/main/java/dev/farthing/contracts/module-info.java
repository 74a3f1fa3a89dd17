/**
 * Contracts between domains, free of any transport: the payment a client asks for, its context, what was
 * decided and where its money stands, and refusals that carry a {@link dev.farthing.contracts.RefusalCategory}
 * instead of a status. New domains (customers, compliance, disputes, settlement) depend on this, not on risk.
 */
module dev.farthing.contracts {
    exports dev.farthing.contracts;
    exports dev.farthing.contracts.audit;
    exports dev.farthing.contracts.payment;
}
