/** Payment channels on the ledger. Refusals are {@link dev.farthing.channels.ChannelError}s, a contracts RefusalCode. */
module dev.farthing.channels {
    requires dev.farthing.recordlog;
    requires transitive dev.farthing.ledger;
    requires transitive dev.farthing.contracts;
    requires transitive dev.farthing.channel.protocol;
    requires org.slf4j;

    exports dev.farthing.channels;
}
