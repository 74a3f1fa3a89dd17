package dev.farthing.compliance.screening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keeps list snapshots durably under {@code DATA/sanctions}: each version is a folder holding the source files
 * exactly as published (OFAC CSV, UN XML: no format of our own) and a manifest.json with their hashes; the file
 * CURRENT names the version in force and is replaced atomically, so a crash leaves the old or the new version,
 * never half of one. Loading the same files twice makes no new version.
 */
public final class SnapshotStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UN_FILE = "UN_consolidated.xml";

    private final Path root;

    public SnapshotStore(Path dataDir) {
        this.root = dataDir.resolve("sanctions");
    }

    /** Copies the sources into a new version (unless identical to the current one), makes it current, loads it. */
    public synchronized ListSnapshot store(Path ofacDir, Path unFile) {
        if (ofacDir == null && unFile == null) throw new IllegalArgumentException("give an OFAC folder, a UN file or both");
        try {
            List<Source> sources = new ArrayList<>();
            if (ofacDir != null) {
                if (!Files.isRegularFile(ofacDir.resolve("sdn.csv"))) throw new IllegalArgumentException("no sdn.csv in " + ofacDir);
                for (String name : OfacLoader.FILES) {
                    Path f = ofacDir.resolve(name);
                    if (Files.isRegularFile(f)) sources.add(new Source("ofac/" + name, Files.readAllBytes(f)));
                }
            }
            if (unFile != null) sources.add(new Source("un/" + UN_FILE, Files.readAllBytes(unFile)));
            String hash = hash(sources);
            Optional<String> current = currentVersion();
            if (current.isPresent() && manifest(current.get()).path("sha256").asText().equals(hash)) {
                return load(current.get());
            }
            int sequence = nextSequence();
            String version = "v" + sequence + "-" + hash.substring(0, 12);
            Path dir = root.resolve("versions").resolve(version);
            Path staging = root.resolve("versions").resolve(version + ".partial");
            Files.createDirectories(staging);
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("version", version);
            manifest.put("sha256", hash);
            manifest.put("created_at", Instant.now().toString());
            ArrayNode files = manifest.putArray("files");
            for (Source s : sources) {
                Path target = staging.resolve(s.path);
                Files.createDirectories(target.getParent());
                writeDurably(target, s.bytes);
                files.addObject().put("path", s.path).put("bytes", s.bytes.length).put("sha256", sha256(s.bytes));
            }
            writeDurably(staging.resolve("manifest.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            Path tmp = root.resolve("CURRENT.tmp");
            writeDurably(tmp, (version + "\n").getBytes(StandardCharsets.UTF_8));
            Files.move(tmp, root.resolve("CURRENT"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return load(version);
        } catch (IOException e) {
            throw new UncheckedIOException("storing a sanctions list snapshot under " + root, e);
        }
    }

    public Optional<String> currentVersion() {
        Path current = root.resolve("CURRENT");
        if (!Files.isRegularFile(current)) return Optional.empty();
        try {
            return Optional.of(Files.readString(current).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version in force, read from its stored files after checking their hashes; empty if none stored. */
    public Optional<ListSnapshot> loadCurrent() {
        return currentVersion().map(this::load);
    }

    public ListSnapshot load(String version) {
        Path dir = root.resolve("versions").resolve(version);
        JsonNode manifest = manifest(version);
        try {
            for (JsonNode f : manifest.path("files")) {
                byte[] bytes = Files.readAllBytes(dir.resolve(f.path("path").asText()));
                if (!sha256(bytes).equals(f.path("sha256").asText())) {
                    throw new IllegalStateException("sanctions snapshot " + version + ": " + f.path("path").asText()
                        + " does not match its recorded hash");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<LoadedList> lists = new ArrayList<>();
        if (Files.isRegularFile(dir.resolve("ofac/sdn.csv"))) lists.add(OfacLoader.load(dir.resolve("ofac")));
        if (Files.isRegularFile(dir.resolve("un").resolve(UN_FILE))) lists.add(UnLoader.load(dir.resolve("un").resolve(UN_FILE)));
        return new ListSnapshot(version, manifest.path("sha256").asText(),
            Instant.parse(manifest.path("created_at").asText()), lists);
    }

    private JsonNode manifest(String version) {
        try {
            return JSON.readTree(root.resolve("versions").resolve(version).resolve("manifest.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the manifest of sanctions snapshot " + version, e);
        }
    }

    private int nextSequence() throws IOException {
        Path versions = root.resolve("versions");
        if (!Files.isDirectory(versions)) return 1;
        try (Stream<Path> dirs = Files.list(versions)) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> n.matches("v\\d+-[0-9a-f]{12}"))
                .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf('-')))).max().orElse(0) + 1;
        }
    }

    /** Hash of the sources in order: for each, its path, its length and its bytes. */
    static String hash(List<Source> sources) {
        MessageDigest digest = digest();
        for (Source s : sources) {
            digest.update((s.path + "\n" + s.bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(s.bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        }
    }

    record Source(String path, byte[] bytes) {}
}
