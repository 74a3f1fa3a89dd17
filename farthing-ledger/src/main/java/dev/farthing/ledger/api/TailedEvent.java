package dev.farthing.ledger.api;

import dev.farthing.ledger.model.LedgerEvent;

/** One durable ledger event, where it sits in the history, and the ledger time of the batch that committed it. */
public record TailedEvent(EventPosition position, long batchTime, LedgerEvent event) {
}
