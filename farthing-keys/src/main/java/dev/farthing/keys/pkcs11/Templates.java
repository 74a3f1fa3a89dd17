package dev.farthing.keys.pkcs11;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/** Builds CK_ATTRIBUTE arrays ({type u64, pValue ptr, ulValueLen u64} = 24 bytes each) and CK_MECHANISMs. */
final class Templates {
    static final long ATTRIBUTE_BYTES = 24;

    private final Arena arena;
    private final List<long[]> types = new ArrayList<>();
    private final List<MemorySegment> values = new ArrayList<>();

    Templates(Arena arena) {
        this.arena = arena;
    }

    Templates bool(long type, boolean value) {
        return bytes(type, new byte[] {(byte) (value ? 1 : 0)});
    }

    Templates ulong(long type, long value) {
        MemorySegment v = arena.allocate(JAVA_LONG);
        v.set(JAVA_LONG, 0, value);
        types.add(new long[] {type});
        values.add(v);
        return this;
    }

    Templates bytes(long type, byte[] value) {
        types.add(new long[] {type});
        values.add(arena.allocateFrom(java.lang.foreign.ValueLayout.JAVA_BYTE, value));
        return this;
    }

    int count() {
        return types.size();
    }

    MemorySegment build() {
        MemorySegment array = arena.allocate(ATTRIBUTE_BYTES * Math.max(1, types.size()), 8);
        for (int i = 0; i < types.size(); i++) {
            long base = i * ATTRIBUTE_BYTES;
            array.set(JAVA_LONG, base, types.get(i)[0]);
            array.set(ADDRESS, base + 8, values.get(i));
            array.set(JAVA_LONG, base + 16, values.get(i).byteSize());
        }
        return array;
    }

    /** A CK_MECHANISM without parameters. */
    static MemorySegment mechanism(Arena arena, long mechanism) {
        MemorySegment m = arena.allocate(24, 8);
        m.set(JAVA_LONG, 0, mechanism);
        m.set(ADDRESS, 8, MemorySegment.NULL);
        m.set(JAVA_LONG, 16, 0L);
        return m;
    }
}
