/** The {@code farthing} command. Exports nothing; picocli reads the command classes reflectively. */
module dev.farthing.cli {
    requires dev.farthing.customers;
    requires dev.farthing.compliance;
    requires dev.farthing.server;
    requires dev.farthing.audit;
    requires dev.farthing.risk;
    requires dev.farthing.model;
    requires dev.farthing.simulator;
    requires dev.farthing.watchtower;
    requires dev.farthing.bench;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;

    opens dev.farthing.cli to info.picocli;
    opens dev.farthing.cli.model to info.picocli;
    opens dev.farthing.cli.policy to info.picocli;
    opens dev.farthing.cli.simulate to info.picocli;
    opens dev.farthing.cli.watchtower to info.picocli;
}
