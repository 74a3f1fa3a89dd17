package dev.farthing.model;

/** A model file that is not a valid bundle: unreadable JSON, a foreign format, or content not matching its hash. */
public final class ModelFormatException extends IllegalArgumentException {

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
