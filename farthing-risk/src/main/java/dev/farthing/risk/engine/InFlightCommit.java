package dev.farthing.risk.engine;

import dev.farthing.risk.journal.RiskJournal;

import java.util.List;

/**
 * A batch's journal records on their way to disk, with the work that must wait for them (replies, ledger
 * commands) and the commands to fail if the log fails. Decision thread only.
 */
record InFlightCommit(RiskJournal.Commit commit, List<Runnable> afterDurable, List<Command> commands) {
}
