/** The watchtower process: follows the engine's channels and answers stale broadcasts with penalties. */
module dev.farthing.watchtower {
    requires dev.farthing.recordlog;
    requires transitive dev.farthing.channel.protocol;
    requires dev.farthing.client;
    requires com.fasterxml.jackson.databind;
    requires jdk.httpserver;
    requires java.net.http;
    requires org.slf4j;

    exports dev.farthing.watchtower;
    exports dev.farthing.watchtower.client;
    exports dev.farthing.watchtower.engine;
    exports dev.farthing.watchtower.follow;
    exports dev.farthing.watchtower.http;
    exports dev.farthing.watchtower.store;
}
