package dev.farthing.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The BIP-39 English word list, loaded from the bundled resource and checked against the SHA-256 published for
 * bitcoin/bips {@code bip-0039/english.txt}; a corrupted resource fails loudly at class load.
 */
public final class WordList {
    static final String ENGLISH_SHA256 = "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda";
    public static final WordList ENGLISH = load("bip39-english.txt", ENGLISH_SHA256);

    private final String[] words;
    private final Map<String, Integer> indexes;

    private WordList(String[] words) {
        if (words.length != 2048) {
            throw new IllegalStateException("BIP-39 word list must have 2048 words, has " + words.length);
        }
        this.words = words;
        this.indexes = new HashMap<>(4096);
        for (int i = 0; i < words.length; i++) {
            indexes.put(words[i], i);
        }
    }

    public String word(int index) {
        return words[index];
    }

    /** The index of {@code word}, or -1. */
    public int indexOf(String word) {
        return indexes.getOrDefault(word, -1);
    }

    static WordList load(String resource, String expectedSha256) {
        try (InputStream in = WordList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing word list resource " + resource);
            }
            byte[] bytes = in.readAllBytes();
            String actual = Hex.encode(Digests.sha256(bytes));
            if (!actual.equals(expectedSha256)) {
                throw new IllegalStateException("word list " + resource + " has SHA-256 " + actual
                        + ", expected " + expectedSha256);
            }
            return new WordList(new String(bytes, StandardCharsets.UTF_8).split("\n"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot load word list " + resource, e);
        }
    }
}
