package dev.farthing.recordlog;

/** One record to append: the caller's type (0..65535) and its payload. */
public record Entry(int type, byte[] payload) {
    public Entry {
        if (type < 0 || type > RecordFormat.MAX_TYPE) {
            throw new IllegalArgumentException("record type " + type + " outside 0.." + RecordFormat.MAX_TYPE);
        }
        if (payload == null) {
            throw new IllegalArgumentException("payload is null");
        }
    }
}
