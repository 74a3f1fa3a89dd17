package dev.farthing.customers.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.farthing.recordlog.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The only place personal data is kept. Each subject has its own data key (a Tink AES-256-GCM keyset), stored
 * wrapped by the key-encryption key (KEK, a Tink keyset in {@code kek.json}, or wherever the operator keeps it);
 * the subject's record is sealed with the data key, bound to its zone and subject. Records and keys live in the
 * partition of the subject's residence zone ({@code zones/ZONE/}) and are never copied to another.
 *
 * <p>Erasure destroys the data key: every copy of the sealed record (a backup of the directory, say) is then
 * noise, by design rather than by search. The KEK never leaves its file; the wrapped keys are useless without it.
 * File names are pseudonyms of the subject id, so a directory listing reveals no id.
 */
public final class PiiVault {
    private static final Pattern ZONE = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final int CACHED_KEYS = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path dir;
    private final Aead kek;
    private final Pseudonyms pseudonyms;
    private final Map<String, Aead> dataKeys = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Aead> eldest) {
            return size() > CACHED_KEYS;
        }
    };

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private PiiVault(Path dir, Aead kek, Pseudonyms pseudonyms) {
        this.dir = dir;
        this.kek = kek;
        this.pseudonyms = pseudonyms;
    }

    /**
     * Opens the vault in {@code dir}, creating its KEK ({@code kekFile}, or {@code dir/kek.json} when null) and
     * pseudonym key on first use.
     */
    public static PiiVault open(Path dir, Path kekFile) {
        Path kekPath = kekFile != null ? kekFile : dir.resolve("kek.json");
        try {
            Files.createDirectories(dir);
            KeysetHandle kekHandle;
            if (Files.exists(kekPath)) {
                kekHandle = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(kekPath), InsecureSecretKeyAccess.get());
            } else {
                kekHandle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
                AtomicFiles.write(kekPath, TinkJsonProtoKeysetFormat.serializeKeyset(kekHandle, InsecureSecretKeyAccess.get())
                        .getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_ONLY);
            }
            Aead kek = kekHandle.getPrimitive(RegistryConfiguration.get(), Aead.class);
            Path pseudonymKey = dir.resolve("pseudonym.key");
            byte[] key;
            if (Files.exists(pseudonymKey)) {
                key = kek.decrypt(Files.readAllBytes(pseudonymKey), "pseudonym-key".getBytes(StandardCharsets.US_ASCII));
            } else {
                key = new byte[32];
                new SecureRandom().nextBytes(key);
                AtomicFiles.write(pseudonymKey, kek.encrypt(key, "pseudonym-key".getBytes(StandardCharsets.US_ASCII)), AtomicFiles.OWNER_ONLY);
            }
            return new PiiVault(dir, kek, new Pseudonyms(key));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the vault's keys in " + dir + " do not open (wrong KEK file " + kekPath + "?)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the vault in " + dir, e);
        }
    }

    public Pseudonyms pseudonyms() {
        return pseudonyms;
    }

    public static boolean validZone(String zone) {
        return zone != null && ZONE.matcher(zone).matches();
    }

    /**
     * Seals {@code plaintext} as record {@code ref} of the subject in its zone, creating the subject's data key
     * if needed. {@code ref} ({@code [a-z0-9]+}) tells records of one subject apart, so a write that loses a race
     * never overwrites the record that won.
     */
    public synchronized void put(String zone, String subject, String ref, byte[] plaintext) {
        try {
            Aead key = dataKey(zone, subject, true);
            AtomicFiles.write(recordFile(zone, subject, ref), key.encrypt(plaintext, binding(zone, subject + '/' + ref)), AtomicFiles.OWNER_ONLY);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal the record of a subject in zone " + zone, e);
        }
    }

    /** The subject's record {@code ref}, opened; empty when there is none or the subject's key was destroyed. */
    public synchronized Optional<byte[]> get(String zone, String subject, String ref) {
        Path record = recordFile(zone, subject, ref);
        try {
            Aead key = dataKey(zone, subject, false);
            if (key == null || !Files.exists(record)) {
                return Optional.empty();
            }
            return Optional.of(key.decrypt(Files.readAllBytes(record), binding(zone, subject + '/' + ref)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the sealed record " + record + " does not open: damaged or moved", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + record, e);
        }
    }

    /** Deletes one record (a write that lost a race); the subject's key stays. */
    public synchronized void delete(String zone, String subject, String ref) {
        deleteDurably(recordFile(zone, subject, ref));
    }

    /**
     * A secret of the service itself (the erasure-certificate signing key), kept sealed by the KEK in
     * {@code NAME.sealed}; created with {@code create} on first use.
     */
    public synchronized byte[] secret(String name, java.util.function.Supplier<byte[]> create) {
        Path file = dir.resolve(name + ".sealed");
        byte[] ad = ("farthing-secret/1\u0000" + name).getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.exists(file)) {
                return kek.decrypt(Files.readAllBytes(file), ad);
            }
            byte[] made = create.get();
            AtomicFiles.write(file, kek.encrypt(made, ad), AtomicFiles.OWNER_ONLY);
            return made;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the sealed secret " + file + " does not open", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Deletes every record of the subject except {@code keepRef} (repair after a crash mid-erasure). */
    public synchronized void deleteOtherRecords(String zone, String subject, String keepRef) {
        String prefix = fileName(subject) + '.';
        String keep = prefix + keepRef + ".pii";
        try (var files = Files.list(zoneDir(zone))) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".pii") && !f.getFileName().toString().equals(keep)).toList()) {
                deleteDurably(f);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // nothing there
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + zoneDir(zone), e);
        }
    }

    /** True while the subject's data key exists. */
    public synchronized boolean hasKey(String zone, String subject) {
        return Files.exists(keyFile(zone, subject));
    }

    /**
     * Crypto-shredding: destroys the subject's data key, then deletes its sealed records. True when a key existed.
     */
    public synchronized boolean destroy(String zone, String subject) {
        dataKeys.remove(cacheKey(zone, subject));
        boolean existed = deleteDurably(keyFile(zone, subject));
        String prefix = fileName(subject) + '.';
        try (var files = Files.list(zoneDir(zone))) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                deleteDurably(f);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return existed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + zoneDir(zone), e);
        }
        return existed;
    }

    private Aead dataKey(String zone, String subject, boolean create) throws GeneralSecurityException {
        String cacheKey = cacheKey(zone, subject);
        Aead cached = dataKeys.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        Path file = keyFile(zone, subject);
        KeysetHandle handle;
        try {
            if (Files.exists(file)) {
                handle = TinkProtoKeysetFormat.parseEncryptedKeyset(Files.readAllBytes(file), kek, binding(zone, subject));
            } else if (create) {
                handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
                AtomicFiles.write(file, TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, kek, binding(zone, subject)), AtomicFiles.OWNER_ONLY);
            } else {
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Aead aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        dataKeys.put(cacheKey, aead);
        return aead;
    }

    private Path zoneDir(String zone) {
        if (!validZone(zone)) {
            throw new IllegalArgumentException("zone must match " + ZONE + ": " + zone);
        }
        return dir.resolve("zones").resolve(zone);
    }

    private Path keyFile(String zone, String subject) {
        return zoneDir(zone).resolve(fileName(subject) + ".key");
    }

    private Path recordFile(String zone, String subject, String ref) {
        if (!ref.matches("[a-z0-9]{1,64}")) {
            throw new IllegalArgumentException("record ref must match [a-z0-9]{1,64}: " + ref);
        }
        return zoneDir(zone).resolve(fileName(subject) + '.' + ref + ".pii");
    }

    private String fileName(String subject) {
        return pseudonyms.token("subject", subject);
    }

    private static String cacheKey(String zone, String subject) {
        return zone + '\u0000' + subject;
    }

    private static byte[] binding(String zone, String subject) {
        return ("farthing-pii/1\u0000" + zone + '\u0000' + subject).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean deleteDurably(Path file) {
        try {
            boolean deleted = Files.deleteIfExists(file);
            if (deleted) {
                AtomicFiles.syncDirectory(file.getParent());
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    /** A fresh random record ref. */
    public static String newRef() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
