package dev.farthing.watchtower.blob;

/** A blob that does not open under a commitment: another state's blob, a tampered one, or garbage. */
public final class BlobOpenException extends Exception {

    public BlobOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
