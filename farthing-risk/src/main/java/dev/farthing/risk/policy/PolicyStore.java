package dev.farthing.risk.policy;

import dev.farthing.recordlog.AtomicFiles;
import dev.farthing.risk.features.FeatureSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Policy versions on disk: {@code DIR/versions/NNNNNN_VERSION.policy} (the exact source, never rewritten) and
 * {@code DIR/ACTIVE} (the active version), every write atomic. A policy is compiled before it is stored and
 * again when activated, so a bad policy never changes anything. With no ACTIVE file the bundled default policy
 * ({@code /policies/default.policy}) is active. Reads of {@link #active()} are lock-free; writers serialise.
 */
public final class PolicyStore {
    static final int MAX_VERSIONS = 1_000;
    private static final String DEFAULT_RESOURCE = "/policies/default.policy";
    private static final String SUFFIX = ".policy";

    private final Path versions;
    private final Path activeFile;
    private final FeatureSchema schema;
    private final PolicySet defaultPolicy;
    private volatile PolicySet active;

    /** Opens (creating if needed) the store; fails loudly if the active version is missing or no longer compiles. */
    public PolicyStore(Path dir, FeatureSchema schema) {
        this(dir, schema, defaultSource());
    }

    /** A store whose fallback policy is {@code defaultSource} instead of the bundled one. */
    public PolicyStore(Path dir, FeatureSchema schema, String defaultSource) {
        this.versions = dir.resolve("versions");
        this.activeFile = dir.resolve("ACTIVE");
        this.schema = schema;
        this.defaultPolicy = PolicyCompiler.compile(defaultSource, schema);
        try {
            Files.createDirectories(versions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create policy store " + dir, e);
        }
        this.active = loadActive();
    }

    /** The source of the policy that ships with Farthing. */
    public static String defaultSource() {
        try (InputStream in = PolicyStore.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PolicySet defaultPolicy() {
        return defaultPolicy;
    }

    public PolicySet active() {
        return active;
    }

    /** Compiles and stores {@code source} (not activating it); returns its version. Storing twice is a no-op. */
    public synchronized String put(String source) {
        PolicySet compiled = PolicyCompiler.compile(source, schema);
        List<StoredPolicy> stored = list();
        if (stored.stream().anyMatch(p -> p.version().equals(compiled.version()))) {
            return compiled.version();
        }
        if (stored.size() >= MAX_VERSIONS) {
            throw new PolicyStoreException("policy_store_full", "the store holds " + MAX_VERSIONS
                    + " policy versions, its limit");
        }
        int sequence = stored.isEmpty() ? 1 : stored.getLast().sequence() + 1;
        String fileName = "%06d_%s%s".formatted(sequence, compiled.version(), SUFFIX);
        AtomicFiles.write(versions.resolve(fileName), source.getBytes(StandardCharsets.UTF_8));
        return compiled.version();
    }

    /** Makes a stored version (or the default's version) active, durably. */
    public synchronized PolicySet activate(String version) {
        if (version.equals(defaultPolicy.version())) {
            put(defaultPolicy.source()); // so a later, retuned default does not orphan ACTIVE
        }
        PolicySet policy = load(version);
        AtomicFiles.write(activeFile, (version + "\n").getBytes(StandardCharsets.UTF_8));
        active = policy;
        return policy;
    }

    /** The compiled policy of a stored version or of the default policy. */
    public PolicySet get(String version) {
        return load(version);
    }

    public Optional<String> source(String version) {
        if (version.equals(defaultPolicy.version())) {
            return Optional.of(defaultPolicy.source());
        }
        return file(version).map(PolicyStore::readString);
    }

    /** Stored versions in the order they were stored. */
    public List<StoredPolicy> list() {
        String activeVersion = active == null ? null : active.version();
        List<StoredPolicy> out = new ArrayList<>();
        for (Path p : versionFiles()) {
            String name = p.getFileName().toString();
            int underscore = name.indexOf('_');
            String version = name.substring(underscore + 1, name.length() - SUFFIX.length());
            String policyName = version.substring(0, version.lastIndexOf('-'));
            out.add(new StoredPolicy(Integer.parseInt(name.substring(0, underscore)), version, policyName,
                    version.equals(activeVersion)));
        }
        out.sort(Comparator.comparingInt(StoredPolicy::sequence));
        return out;
    }

    private PolicySet loadActive() {
        if (!Files.exists(activeFile)) {
            return defaultPolicy;
        }
        String version = readString(activeFile).strip();
        return load(version);
    }

    private PolicySet load(String version) {
        Optional<Path> stored = file(version);
        if (stored.isEmpty() && version.equals(defaultPolicy.version())) {
            return defaultPolicy;
        }
        Path file = stored.orElseThrow(() -> new PolicyStoreException("unknown_policy_version",
                "no policy version '" + version + "' in the store"));
        PolicySet policy = PolicyCompiler.compile(readString(file), schema);
        if (!policy.version().equals(version)) {
            throw new PolicyStoreException("policy_store_corrupt", file + " holds version " + policy.version()
                    + ", not " + version + " as its name says");
        }
        return policy;
    }

    private Optional<Path> file(String version) {
        String suffix = "_" + version + SUFFIX;
        return versionFiles().stream().filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst();
    }

    private List<Path> versionFiles() {
        try (Stream<Path> files = Files.list(versions)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d{6}_[a-z0-9_]+-[0-9a-f]{12}\\.policy"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + versions, e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
