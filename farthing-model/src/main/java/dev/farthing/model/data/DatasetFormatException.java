package dev.farthing.model.data;

/** A dataset file that cannot be read as its declared format; the message names the file and line. */
public final class DatasetFormatException extends IllegalArgumentException {

    public DatasetFormatException(String message) {
        super(message);
    }
}
