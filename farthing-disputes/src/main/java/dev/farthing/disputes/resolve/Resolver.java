package dev.farthing.disputes.resolve;

import dev.farthing.disputes.model.Vote;

/** One independent view on a dispute. */
public interface Resolver {
    String name();

    Vote vote(Case c);
}
