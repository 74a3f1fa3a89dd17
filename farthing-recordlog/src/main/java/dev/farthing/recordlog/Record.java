package dev.farthing.recordlog;

/**
 * One record read back: its log position, type, the payload (after {@link PayloadTransform#decode}) and the
 * position of the frame after it ({@code nextPosition}: the position a snapshot covering this record names).
 */
public record Record(long position, int type, byte[] payload, long nextPosition) {
}
