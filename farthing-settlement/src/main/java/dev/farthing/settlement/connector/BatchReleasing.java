package dev.farthing.settlement.connector;

import java.nio.file.Path;
import java.util.List;

/**
 * A connector that stages payouts and sends them in batches at a cut-off (a bank taking pain.001 files): the payout
 * run calls {@link #releaseDue} after its submits, off the settlement writer (it is file or network I/O).
 */
public interface BatchReleasing {

    /** Sends every staged payout whose execution date is today or earlier (the connector's clock); the files written. */
    List<Path> releaseDue();
}
