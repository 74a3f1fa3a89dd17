/** The pure message formats of payment channels (states, claims, splices, revocations), shared by SDK and server. */
module dev.farthing.channel.protocol {
    requires transitive dev.farthing.keys;

    exports dev.farthing.channel.protocol;
}
