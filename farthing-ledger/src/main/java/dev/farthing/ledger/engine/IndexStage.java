package dev.farthing.ledger.engine;

import dev.farthing.ledger.index.TransferIndex;

import java.util.ArrayList;
import java.util.List;

/** Stage 4: writes durable events into the on-disk index and advances the indexed watermark. */
final class IndexStage implements Runnable {
    private final StageQueue<Batches.Committed> in;
    private final TransferIndex index;
    private final Watermarks marks;
    private final Engine engine;

    IndexStage(StageQueue<Batches.Committed> in, TransferIndex index, Watermarks marks, Engine engine) {
        this.in = in;
        this.index = index;
        this.marks = marks;
        this.engine = engine;
    }

    @Override
    public void run() {
        List<Batches.Committed> group = new ArrayList<>();
        try {
            while (true) {
                group.clear();
                if (in.takeSome(group, 64, 1000) == 0) {
                    continue;
                }
                boolean last = false;
                for (Batches.Committed c : group) {
                    last |= c.last();
                    if (!c.last()) {
                        // One write per commit keeps each sort small (see TransferIndex.write).
                        index.writeBatches(c.batches(), c.sequence(), c.timestamp());
                        marks.indexedSequence = c.sequence();
                        marks.indexedTimestamp = c.batches().getLast().getLast().timestamp();
                    }
                }
                if (last) {
                    return;
                }
            }
        } catch (Throwable t) {
            engine.fail("index", t);
        }
    }
}
