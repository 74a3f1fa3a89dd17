package dev.farthing.model.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.model.RiskModel;
import dev.farthing.recordlog.AtomicFiles;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Model versions on disk: {@code DIR/versions/VERSION.json} (immutable bundles, named by content hash) and
 * {@code DIR/registry.json} (active and shadow versions), each replaced atomically so another process (the
 * server polling for changes) never reads a half-written file. Writers serialise on {@code DIR/.lock}.
 *
 * <p>Every query reads registry.json afresh (a few hundred bytes) and loaded models are cached by version, so
 * a server should poll {@link #state()} on a timer and swap models when it changes, not query per payment.
 */
public final class ModelRegistry {

    public static final int MAX_SHADOWS = 4;
    private static final int CACHED_MODELS = 8;
    private static final Pattern VERSION = Pattern.compile("m-[0-9a-f]{16}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Path versions;
    private final Path stateFile;
    private final Map<String, RiskModel> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RiskModel> eldest) {
            return size() > CACHED_MODELS;
        }
    };

    public ModelRegistry(Path dir) throws IOException {
        this.dir = dir;
        this.versions = dir.resolve("versions");
        this.stateFile = dir.resolve("registry.json");
        Files.createDirectories(versions);
    }

    public Path dir() {
        return dir;
    }

    /** Verifies the bundle and stores a copy under its version; registering the same model twice is a no-op. */
    public synchronized String register(Path modelJson) throws IOException {
        return register(RiskModel.load(modelJson));
    }

    /** Stores a copy of an already loaded (hence verified) model under its version; a no-op when present. */
    public synchronized String register(RiskModel model) throws IOException {
        Path target = fileOf(model.version());
        if (!Files.exists(target)) {
            model.write(target);
        }
        cache.put(model.version(), model);
        return model.version();
    }

    public synchronized List<ModelEntry> list() throws IOException {
        RegistryState state = state();
        List<ModelEntry> entries = new ArrayList<>();
        for (String version : versionsOnDisk()) {
            RiskModel m = model(version);
            entries.add(new ModelEntry(version, m.createdAt(), m.featureNames().size(), m.hasAnomalyModel(),
                    state.active().filter(version::equals).isPresent(), state.shadows().contains(version),
                    m.hasTrainingStats(), m.isCalibrated(), m.thresholds()));
        }
        entries.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
        return entries;
    }

    /** Makes the version the deciding model; a shadow that is promoted stops being a shadow. */
    public void activate(String version) throws IOException {
        requireRegistered(version);
        update(s -> new RegistryState(Optional.of(version),
                s.shadows().stream().filter(v -> !v.equals(version)).toList()));
    }

    public void addShadow(String version) throws IOException {
        requireRegistered(version);
        update(s -> {
            if (s.active().filter(version::equals).isPresent()) {
                throw new ModelRegistryException("model_is_active", version + " is the active model; it cannot also be a shadow");
            }
            if (s.shadows().contains(version)) {
                return s;
            }
            if (s.shadows().size() >= MAX_SHADOWS) {
                throw new ModelRegistryException("too_many_shadows", "at most " + MAX_SHADOWS
                        + " shadow models; remove one first");
            }
            List<String> shadows = new ArrayList<>(s.shadows());
            shadows.add(version);
            return new RegistryState(s.active(), shadows);
        });
    }

    public void removeShadow(String version) throws IOException {
        update(s -> {
            if (!s.shadows().contains(version)) {
                throw new ModelRegistryException("not_a_shadow", version + " is not a shadow model");
            }
            return new RegistryState(s.active(), s.shadows().stream().filter(v -> !v.equals(version)).toList());
        });
    }

    /** The current state as on disk now (cheap: one small file read), for polling. */
    public RegistryState state() throws IOException {
        if (!Files.exists(stateFile)) {
            return RegistryState.empty();
        }
        JsonNode json;
        try {
            json = JSON.readTree(Files.readAllBytes(stateFile));
        } catch (JsonProcessingException e) {
            throw new ModelRegistryException("registry_corrupt", stateFile + " is not valid JSON ("
                    + e.getOriginalMessage() + "); it is only ever replaced atomically, so it was edited or damaged");
        }
        if (json == null || !json.isObject()) {
            throw new ModelRegistryException("registry_corrupt", stateFile + " is not a JSON object");
        }
        String active = json.path("active").isTextual() ? json.path("active").asText() : null;
        List<String> shadows = new ArrayList<>();
        json.path("shadows").forEach(v -> shadows.add(v.asText()));
        return new RegistryState(Optional.ofNullable(active), shadows);
    }

    public Optional<RiskModel> active() throws IOException {
        Optional<String> version = state().active();
        return version.isEmpty() ? Optional.empty() : Optional.of(model(version.get()));
    }

    public List<RiskModel> shadows() throws IOException {
        List<RiskModel> models = new ArrayList<>();
        for (String version : state().shadows()) {
            models.add(model(version));
        }
        return models;
    }

    /** A registered version, verified against its hash on first load and cached after. */
    public synchronized RiskModel model(String version) throws IOException {
        RiskModel cached = cache.get(version);
        if (cached != null) {
            return cached;
        }
        requireRegistered(version);
        RiskModel model = RiskModel.load(fileOf(version));
        if (!model.version().equals(version)) {
            throw new ModelRegistryException("model_version_mismatch", fileOf(version) + " holds " + model.version());
        }
        cache.put(version, model);
        return model;
    }

    private void requireRegistered(String version) {
        if (!VERSION.matcher(version).matches() || !Files.exists(fileOf(version))) {
            throw new ModelRegistryException("unknown_model_version", "no model version '" + version
                    + "' in " + dir + " (register it first; 'farthing model list' shows the versions)");
        }
    }

    private Path fileOf(String version) {
        return versions.resolve(version + ".json");
    }

    private List<String> versionsOnDisk() throws IOException {
        try (Stream<Path> files = Files.list(versions)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .filter(v -> VERSION.matcher(v).matches())
                    .sorted().toList();
        }
    }

    /**
     * Read-modify-write of registry.json, replaced atomically, under the file lock (other processes) and a
     * JVM-wide monitor: a JVM may hold a file's lock only once, so two registries on one directory in one
     * process must not both ask for it.
     */
    private void update(UnaryOperator<RegistryState> change) throws IOException {
        synchronized (ModelRegistry.class) {
            updateLocked(change);
        }
    }

    private void updateLocked(UnaryOperator<RegistryState> change) throws IOException {
        try (FileChannel lockFile = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            RegistryState before = state();
            RegistryState after = change.apply(before);
            if (after.equals(before)) {
                return;
            }
            ObjectNode json = JSON.createObjectNode();
            if (after.active().isPresent()) {
                json.put("active", after.active().get());
            } else {
                json.putNull("active");
            }
            after.shadows().forEach(json.putArray("shadows")::add);
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
            try {
                AtomicFiles.write(stateFile, bytes, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }
}
