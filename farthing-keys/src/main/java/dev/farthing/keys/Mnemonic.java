package dev.farthing.keys;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * BIP-39 mnemonics with the English word list: entropy of 128–256 bits (multiple of 32) plus a checksum of
 * entropy/32 bits from SHA-256, 11 bits per word. The seed is PBKDF2-HMAC-SHA512 with 2048 rounds over the
 * NFKD-normalised sentence, salted with "mnemonic" + NFKD(passphrase).
 */
public final class Mnemonic {
    private static final int ROUNDS = 2048;

    private Mnemonic() {
    }

    /** A new mnemonic with {@code entropyBits} (128, 160, 192, 224 or 256) of randomness. */
    public static String generate(int entropyBits, SecureRandom random) {
        if (entropyBits < 128 || entropyBits > 256 || entropyBits % 32 != 0) {
            throw new IllegalArgumentException("entropy must be 128..256 bits in steps of 32: " + entropyBits);
        }
        byte[] entropy = new byte[entropyBits / 8];
        random.nextBytes(entropy);
        try {
            return fromEntropy(entropy);
        } finally {
            Arrays.fill(entropy, (byte) 0);
        }
    }

    /** The sentence encoding {@code entropy} (16..32 bytes, multiple of 4). */
    public static String fromEntropy(byte[] entropy) {
        int bits = entropy.length * 8;
        if (bits < 128 || bits > 256 || bits % 32 != 0) {
            throw new IllegalArgumentException("entropy must be 16..32 bytes in steps of 4");
        }
        byte[] withChecksum = Arrays.copyOf(entropy, entropy.length + 1);
        withChecksum[entropy.length] = Digests.sha256(entropy)[0];
        int words = (bits + bits / 32) / 11;
        StringBuilder out = new StringBuilder();
        for (int w = 0; w < words; w++) {
            int index = 0;
            for (int b = 0; b < 11; b++) {
                int bit = w * 11 + b;
                index = (index << 1) | ((withChecksum[bit / 8] >> (7 - bit % 8)) & 1);
            }
            out.append(w == 0 ? "" : " ").append(WordList.ENGLISH.word(index));
        }
        Arrays.fill(withChecksum, (byte) 0);
        return out.toString();
    }

    /** The entropy behind a valid sentence. @throws InvalidMnemonicException with a reason code */
    public static byte[] toEntropy(String mnemonic) {
        String[] words = Normalizer.normalize(mnemonic, Normalizer.Form.NFKD).trim().split("\\s+");
        if (words.length < 12 || words.length > 24 || words.length % 3 != 0) {
            throw new InvalidMnemonicException("mnemonic_word_count",
                    "expected 12, 15, 18, 21 or 24 words, got " + words.length);
        }
        int totalBits = words.length * 11;
        byte[] bits = new byte[(totalBits + 7) / 8];
        for (int w = 0; w < words.length; w++) {
            int index = WordList.ENGLISH.indexOf(words[w]);
            if (index < 0) {
                throw new InvalidMnemonicException("mnemonic_unknown_word", "word " + (w + 1) + " is not in the list");
            }
            for (int b = 0; b < 11; b++) {
                if (((index >> (10 - b)) & 1) != 0) {
                    int bit = w * 11 + b;
                    bits[bit / 8] |= (byte) (1 << (7 - bit % 8));
                }
            }
        }
        int entropyBytes = totalBits * 32 / 33 / 8;
        byte[] entropy = Arrays.copyOf(bits, entropyBytes);
        int checksumBits = entropyBytes * 8 / 32;
        int mask = 0xff << (8 - checksumBits) & 0xff;
        if (((Digests.sha256(entropy)[0] ^ bits[entropyBytes]) & mask) != 0) {
            throw new InvalidMnemonicException("mnemonic_checksum", "checksum does not match");
        }
        return entropy;
    }

    /** True for a sentence with a known word count, only list words, and a matching checksum. */
    public static boolean isValid(String mnemonic) {
        try {
            toEntropy(mnemonic);
            return true;
        } catch (InvalidMnemonicException e) {
            return false;
        }
    }

    /** The 64-byte BIP-39 seed. Does not validate; call {@link #toEntropy} first when the source is a user. */
    public static byte[] toSeed(String mnemonic, String passphrase) {
        byte[] password = nfkd(mnemonic);
        byte[] salt = nfkd("mnemonic" + (passphrase == null ? "" : passphrase));
        PKCS5S2ParametersGenerator pbkdf2 = new PKCS5S2ParametersGenerator(new SHA512Digest());
        pbkdf2.init(password, salt, ROUNDS);
        byte[] seed = ((KeyParameter) pbkdf2.generateDerivedParameters(512)).getKey();
        Arrays.fill(password, (byte) 0);
        return seed;
    }

    private static byte[] nfkd(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8);
    }
}
