package dev.farthing.settlement.connector.iso20022;

import dev.farthing.settlement.connector.iso20022.CamtReader.BankEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The bank's camt files. A new {@code *.xml} in the inbox is parsed (DTDs refused), validated against its schema
 * and read; then it moves to {@code processed/} (its entries kept) or, if anything about it is wrong, to
 * {@code rejected/} with a {@code .error.txt} beside it saying why; nothing from a rejected file is used. Processed
 * files are read again on start, so entries survive restarts.
 */
final class Inbox {
    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final Path inbox;
    private final Path processed;
    private final Path rejected;
    private final Map<String, List<BankEntry>> byFile = new LinkedHashMap<>();
    /** Entries by the InstrId the bank echoed, and (for those without one) by EndToEndId. */
    private final Map<String, List<BankEntry>> byInstruction = new HashMap<>();
    private final Map<String, List<BankEntry>> byEndToEnd = new HashMap<>();
    private int rejectedCount;

    Inbox(Path inbox) {
        this.inbox = inbox;
        this.processed = inbox.resolve("processed");
        this.rejected = inbox.resolve("rejected");
        for (Path f : xmlFiles(processed)) {
            add(f.getFileName().toString(), read(f));
        }
    }

    /** Reads what arrived since the last poll; returns how many files were accepted. */
    int poll() {
        int accepted = 0;
        for (Path f : xmlFiles(inbox)) {
            String name = f.getFileName().toString();
            if (byFile.containsKey(name)) {
                reject(f, "a file of that name was already processed; banks never resend under the same name");
                continue;
            }
            List<BankEntry> entries;
            try {
                entries = read(f);
            } catch (java.io.UncheckedIOException e) {
                throw e; // the disk, not the file: try again on the next poll
            } catch (RuntimeException e) {
                // Whatever is wrong with a bank's file (schema, amounts, dates out of range), none of it is used.
                reject(f, e.getMessage());
                continue;
            }
            AtomicFiles.move(f, processed.resolve(name));
            add(name, entries);
            accepted++;
        }
        return accepted;
    }

    /** Every entry read so far, file by file in arrival order. */
    List<BankEntry> entries() {
        List<BankEntry> all = new ArrayList<>();
        byFile.values().forEach(all::addAll);
        return all;
    }

    /** The entries that refer to one payout: by its InstrId when the bank echoed one, else by its EndToEndId. */
    List<BankEntry> referringTo(String idempotencyKey, String payoutId) {
        List<BankEntry> out = new ArrayList<>(byInstruction.getOrDefault(idempotencyKey, List.of()));
        out.addAll(byEndToEnd.getOrDefault(payoutId, List.of()));
        return out;
    }

    private void add(String name, List<BankEntry> entries) {
        byFile.put(name, entries);
        for (BankEntry e : entries) {
            if (e.instructionId() != null) {
                byInstruction.computeIfAbsent(e.instructionId(), k -> new ArrayList<>()).add(e);
            } else if (e.line().endToEndReference() != null) {
                byEndToEnd.computeIfAbsent(e.line().endToEndReference(), k -> new ArrayList<>()).add(e);
            }
        }
    }

    int rejectedCount() {
        return rejectedCount;
    }

    private static List<BankEntry> read(Path f) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
        SecureXml.Parsed parsed = SecureXml.parseAndValidate(bytes, f.getFileName().toString());
        return CamtReader.entries(parsed);
    }

    private void reject(Path f, String why) {
        rejectedCount++;
        log.warn("bank file {} rejected: {}", f.getFileName(), why);
        AtomicFiles.move(f, rejected.resolve(f.getFileName()));
        AtomicFiles.write(rejected.resolve(f.getFileName() + ".error.txt"), (why + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static List<Path> xmlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".xml") && !n.startsWith(".");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
