package dev.farthing.risk.features;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * An approximate distinct count (DataSketches HLL, HLL_8 registers), created on first use so entities that
 * never see a value cost nothing. Small cardinalities are exact (the sketch keeps a coupon list); large ones
 * are within about 1.04/sqrt(2^lgK) relative standard error.
 */
final class Distinct {
    private final int lgK;
    private HllSketch sketch;
    /** The last estimate, NaN once an update makes it stale: estimating costs more than updating. */
    private double cached = Double.NaN;

    Distinct(int lgK) {
        this.lgK = lgK;
    }

    void add(String value) {
        if (value == null) {
            return;
        }
        if (sketch == null) {
            sketch = new HllSketch(lgK, TgtHllType.HLL_8);
        }
        sketch.update(value);
        cached = Double.NaN;
    }

    double estimate() {
        if (sketch == null) {
            return 0;
        }
        if (Double.isNaN(cached)) {
            cached = sketch.getEstimate();
        }
        return cached;
    }

    void writeTo(DataOutput out) throws IOException {
        if (sketch == null) {
            out.writeInt(0);
            return;
        }
        byte[] bytes = sketch.toUpdatableByteArray();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    void readFrom(DataInput in) throws IOException {
        int n = in.readInt();
        if (n == 0) {
            sketch = null;
            return;
        }
        if (n < 0 || n > HllSketch.getMaxUpdatableSerializationBytes(lgK, TgtHllType.HLL_8)) {
            throw new IOException("HLL sketch length out of range: " + n);
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        cached = Double.NaN;
        try {
            sketch = HllSketch.heapify(bytes);
        } catch (RuntimeException e) {
            throw new IOException("bad HLL sketch: " + e.getMessage(), e);
        }
        if (sketch.getLgConfigK() != lgK) {
            throw new IOException("HLL lgK " + sketch.getLgConfigK() + " != configured " + lgK);
        }
    }
}
