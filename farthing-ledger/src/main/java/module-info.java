/**
 * The ledger: the money. Its public contract is {@code api} (open, command, read, tail, verify a ledger) and
 * {@code model} (accounts, transfers, events, errors); state machine, journal, index, snapshots and pipeline are
 * internal. The JMH kernels in farthing-bench measure four internals directly (apply, codec, journal append,
 * index write), so those packages are exported to the bench alone; nothing else may use them.
 */
module dev.farthing.ledger {
    requires dev.farthing.recordlog;
    requires org.slf4j;
    requires rocksdbjni;

    exports dev.farthing.ledger.api;
    exports dev.farthing.ledger.model;

    exports dev.farthing.ledger.event to dev.farthing.bench;
    exports dev.farthing.ledger.index to dev.farthing.bench;
    exports dev.farthing.ledger.journal to dev.farthing.bench;
    exports dev.farthing.ledger.state to dev.farthing.bench;
}
