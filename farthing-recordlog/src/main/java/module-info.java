/** The one durable record log under every Farthing store. Depends on the JDK only. */
module dev.farthing.recordlog {
    exports dev.farthing.recordlog;
}
