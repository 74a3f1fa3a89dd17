package dev.farthing.watchtower.blob;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** A justice blob ready for upload: the hint it is filed under and its fixed-size ciphertext. */
public record SealedBlob(Hint hint, byte[] blob) {

    public SealedBlob {
        Objects.requireNonNull(hint, "hint");
        if (blob == null || blob.length != JusticeBlob.SIZE) {
            throw new IllegalArgumentException("a justice blob is " + JusticeBlob.SIZE + " bytes");
        }
        blob = blob.clone();
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    public String blobHex() {
        return HexFormat.of().formatHex(blob);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedBlob s && hint.equals(s.hint) && Arrays.equals(blob, s.blob);
    }

    @Override
    public int hashCode() {
        return 31 * hint.hashCode() + Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return "SealedBlob[" + hint.hex() + "]";
    }
}
