package dev.farthing.risk.features;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * What the engine keeps per payee, device, IP, instrument or content: windowed counts and sums, and up to two
 * distinct counts whose meaning depends on the kind (see {@link EntityKind}).
 */
class EntityState {
    final SlidingWindows windows;
    final Distinct first;
    final Distinct second;

    EntityState(WindowGeometry geometry, int hllLgK) {
        windows = new SlidingWindows(geometry);
        first = new Distinct(hllLgK);
        second = new Distinct(hllLgK);
    }

    void writeTo(DataOutput out) throws IOException {
        windows.writeTo(out);
        first.writeTo(out);
        second.writeTo(out);
    }

    /** {@code version}: the snapshot format being read ({@link FeatureSnapshot#VERSION} or an older one). */
    void readFrom(DataInput in, int version) throws IOException {
        windows.readFrom(in);
        first.readFrom(in);
        second.readFrom(in);
    }
}
