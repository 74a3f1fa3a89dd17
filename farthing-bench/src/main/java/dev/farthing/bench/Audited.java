package dev.farthing.bench;

import java.util.List;

/** A benchmark target that can prove afterwards that it kept every acknowledged transfer and lost no money. */
public interface Audited {

    /** Adds what a phase acknowledged (warm-ups included) to what the target must hold at the end. */
    void expect(Phase phase);

    /** Problems found: conservation, committed versus acknowledged counts. Empty means the run is trustworthy. */
    List<String> audit(boolean anyFailures);
}
