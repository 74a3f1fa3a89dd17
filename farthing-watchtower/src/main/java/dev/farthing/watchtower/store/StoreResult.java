package dev.farthing.watchtower.store;

/** How an upload was taken: newly stored, or an exact repeat of a blob already stored (idempotent retry). */
public enum StoreResult {
    STORED,
    DUPLICATE
}
