package dev.farthing.recordlog;

/**
 * Back-pressure: the append queue stayed full for the configured offer timeout (zero: refused at once).
 * Nothing was enqueued; the caller may retry later or shed the request.
 */
public final class RecordLogFullException extends RuntimeException {
    public RecordLogFullException(String message) {
        super(message);
    }
}
