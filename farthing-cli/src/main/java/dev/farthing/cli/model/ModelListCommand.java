package dev.farthing.cli.model;

import dev.farthing.cli.ExitCodes;
import dev.farthing.cli.HelpOption;
import dev.farthing.model.registry.ModelEntry;
import dev.farthing.model.registry.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code farthing model list}: registered versions, which is active and which are shadows. */
@Command(name = "list", description = "List registered model versions and their roles.")
public final class ModelListCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Mixin
    private RegistryDirOption registry;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        ModelRegistry models = registry.open();
        List<ModelEntry> entries = RegistryCalls.run(models::list);
        PrintWriter out = spec.commandLine().getOut();
        if (entries.isEmpty()) {
            out.println("No models registered in " + models.dir()
                    + " (add one with: farthing model register --data DIR model.json)");
            return ExitCodes.OK;
        }
        out.printf("%-20s %-7s %-26s %8s %8s%n", "VERSION", "ROLE", "CREATED", "FEATURES", "ANOMALY");
        for (ModelEntry e : entries) {
            String role = e.active() ? "active" : e.shadow() ? "shadow" : "-";
            out.printf("%-20s %-7s %-26s %8d %8s%n", e.version(), role, e.createdAt(), e.featureCount(),
                    e.anomalyModel() ? "yes" : "no");
        }
        return ExitCodes.OK;
    }
}
