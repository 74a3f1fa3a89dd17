package dev.farthing.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Official Trezor BIP-39 English vectors (passphrase "TREZOR") and bad-input handling. */
class MnemonicTest {

    @ParameterizedTest
    @CsvSource({
        "00000000000000000000000000000000, abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about,"
                + " c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04",
        "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f, legal winner thank year wave sausage worth useful legal winner thank yellow,"
                + " 2e8905819b8723fe2c1d161860e5ee1830318dbf49a83bd451cfb8440c28bd6fa457fe1296106559a3c80937a1c1069be3a3a5bd381ee6260e8d9739fce1f607",
        "ffffffffffffffffffffffffffffffff, zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong,"
                + " ac27495480225222079d7be181583751e86f571027b0497b5b5d11218e0a8a13332572917f0f8e5a589620c6f15b11c61dee327651a14c34e18231052e48c069",
        "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f, legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful legal will,"
                + " f2b94508732bcbacbcc020faefecfc89feafa6649a5491b8c952cede496c214a0c7b3c392d168748f2d4a612bada0753b52a1c7ac53c1e93abd5c6320b9e95dd",
        "8080808080808080808080808080808080808080808080808080808080808080, letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic bless,"
                + " c0c519bd0e91a2ed54357d9d1ebef6f5af218a153624cf4f2da911a0ed8f7a09e2ef61af0aca007096df430022f7a2b6fb91661a9589097069720d015e4e982f",
        "3e141609b97933b66a060dcddc71fad1d91677db872031e85f4c015c5e7e8982, dignity pass list indicate nasty swamp pool script soccer toe leaf photo multiply desk host tomato cradle drill spread actor shine dismiss champion exotic,"
                + " ff7f3184df8696d8bef94b6c03114dbee0ef89ff938712301d27ed8336ca89ef9635da20af07d4175f2bf5f3de130f39c9d9e8dd0472489c19b1a020a940da67",
    })
    void trezorVectors(String entropyHex, String mnemonic, String seedHex) {
        assertThat(Mnemonic.fromEntropy(Hex.decode(entropyHex))).isEqualTo(mnemonic);
        assertThat(Hex.encode(Mnemonic.toEntropy(mnemonic))).isEqualTo(entropyHex);
        assertThat(Hex.encode(Mnemonic.toSeed(mnemonic, "TREZOR"))).isEqualTo(seedHex);
    }

    @Test
    void emptyPassphraseSeedMatchesPublishedValue() {
        String abandon = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
        assertThat(Hex.encode(Mnemonic.toSeed(abandon, ""))).isEqualTo(
                "5eb00bbddcf069084889a8ab9155568165f5c453ccb85e70811aaed6f6da5fc1"
                        + "9a5ac40b389cd370d086206dec8aa6c43daea6690f20ad3d8d48b2d2ce9e38e4");
    }

    @Test
    void wrongChecksumUnknownWordAndWordCountAreRefusedWithCodes() {
        String badChecksum = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon";
        assertThatThrownBy(() -> Mnemonic.toEntropy(badChecksum))
                .isInstanceOfSatisfying(InvalidMnemonicException.class, e -> assertThat(e.code()).isEqualTo("mnemonic_checksum"));
        assertThatThrownBy(() -> Mnemonic.toEntropy("lingdom possible coast island six arrow fluid spell chunk loud glue street"))
                .isInstanceOfSatisfying(InvalidMnemonicException.class, e -> assertThat(e.code()).isEqualTo("mnemonic_unknown_word"));
        assertThatThrownBy(() -> Mnemonic.toEntropy("kingdom possible coast island six arrow"))
                .isInstanceOfSatisfying(InvalidMnemonicException.class, e -> assertThat(e.code()).isEqualTo("mnemonic_word_count"));
        assertThat(Mnemonic.isValid("kingdom possible coast island six arrow fluid spell chunk loud glue street")).isTrue();
        assertThatThrownBy(() -> Wallet.fromMnemonic(badChecksum, "")).isInstanceOf(InvalidMnemonicException.class);
    }

    @Test
    void generatedMnemonicsRoundTripForEveryEntropySize() {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        for (int bits = 128; bits <= 256; bits += 32) {
            byte[] entropy = new byte[bits / 8];
            random.nextBytes(entropy);
            String words = Mnemonic.fromEntropy(entropy);
            assertThat(words.split(" ")).hasSize(bits / 32 * 3);
            assertThat(Mnemonic.toEntropy(words)).isEqualTo(entropy);
        }
        assertThat(Mnemonic.generate(256, new SecureRandom()).split(" ")).hasSize(24);
        assertThatThrownBy(() -> Mnemonic.generate(100, new SecureRandom())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wordListIsTheVerifiedOfficialList() {
        assertThat(WordList.ENGLISH.word(0)).isEqualTo("abandon");
        assertThat(WordList.ENGLISH.word(2047)).isEqualTo("zoo");
        assertThat(WordList.ENGLISH.indexOf("accuse")).isEqualTo(13);
        assertThatThrownBy(() -> WordList.load("bip39-english.txt", "00".repeat(32)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SHA-256");
    }
}
