package dev.farthing.ledger.journal;

import dev.farthing.ledger.model.LedgerEvent;

import java.util.List;

/** One verified journal record, decoded. */
public record JournalBatch(long sequence, long batchTime, List<LedgerEvent> events, byte[] hash, int recordBytes) {
}
