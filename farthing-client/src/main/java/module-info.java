/** The wallet SDK: one-way and two-way channels over HTTP, with no ledger inside. */
module dev.farthing.client {
    requires dev.farthing.recordlog;
    requires transitive dev.farthing.channel.protocol;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;

    exports dev.farthing.client.http;
    exports dev.farthing.client.liabilities;
    exports dev.farthing.client.oneway;
    exports dev.farthing.client.twoway;
}
