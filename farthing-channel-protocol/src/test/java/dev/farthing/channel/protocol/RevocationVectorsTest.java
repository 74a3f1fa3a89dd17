package dev.farthing.channel.protocol;

import dev.farthing.keys.Hex;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** BOLT 3 Appendix D: per-commitment secret generation and storage test vectors. */
class RevocationVectorsTest {
    private static final String ZERO = "00".repeat(32);
    private static final String FF = "ff".repeat(32);
    private static final long TOP = RevocationSecrets.MAX_INDEX;
    // The eight "correct sequence" secrets (indexes TOP .. TOP-7) and the eight wrong ones used below.
    private static final String[] S = {
        "7cc854b54e3e0dcdb010d7a3fee464a9687be6e8db3be6854c475621e007a5dc",
        "c7518c8ae4660ed02894df8976fa1a3659c1a8b4b5bec0c4b872abeba4cb8964",
        "2273e227a5b7449b6e70f1fb4652864038b1cbf9cd7c043a7d6456b7fc275ad8",
        "27cddaa5624534cb6cb9d7da077cf2b22ab21e9b506fd4998a51d54502e99116",
        "c65716add7aa98ba7acb236352d665cab17345fe45b55fb879ff80e6bd0c41dd",
        "969660042a28f32d9be17344e09374b379962d03db1574df5a8a5a47e19ce3f2",
        "a5a64476122ca0925fb344bdc1854c1c0a59fc614298e50a33e331980a220f32",
        "05cde6323d949933f7f7b78776bcc1ea6d9b31447732e3802e1f7ac44b650e17"};
    private static final String W0 = "02a40c85b6f28da08dfdbe0926c53fab2de6d28c10301f8f7c4073d5e42e3148";
    private static final String W1 = "dddc3a8d14fddf2b68fa8c7fbad2748274937479dd0f8930d5ebb4ab6bd866a3";
    private static final String W2 = "c51a18b13e8527e579ec56365482c62f180b7d5760b46e9477dae59e87ed423a";
    private static final String W3 = "ba65d7b0ef55a3ba300d4e87af29868f394f8f138d78a7011669c79b37b936f4";
    private static final String W4 = "631373ad5f9ef654bb3dade742d09504c567edd24320d2fcd68e3cc47e2ff6a6";
    private static final String W5 = "b7e76a83668bde38b373970155c868a653304308f9896692f904a23731224bb1";
    private static final String W6 = "e7971de736e01da8ed58b94c2fc216cb1dca9e326f3a96e7194fe8ea8af6c0a3";
    private static final String W7 = "a7efbc61aac46d34f77778bac22c8a20c6a46ca460addc49009bda875ec88fa4";

    @Test
    void generateFromSeedVectors() {
        assertThat(gen(ZERO, TOP)).isEqualTo("02a40c85b6f28da08dfdbe0926c53fab2de6d28c10301f8f7c4073d5e42e3148");
        assertThat(gen(FF, TOP)).isEqualTo("7cc854b54e3e0dcdb010d7a3fee464a9687be6e8db3be6854c475621e007a5dc");
        assertThat(gen(FF, 0xaaaaaaaaaaaL)).isEqualTo("56f4008fb007ca9acf0e15b054d5c9fd12ee06cea347914ddbaed70d1c13a528");
        assertThat(gen(FF, 0x555555555555L)).isEqualTo("9015daaeb06dba4ccc05b91b2f73bd54405f2be9f217fbacd3c5ac2e62327d31");
        assertThat(gen("01".repeat(32), 1)).isEqualTo("915c75942a26bb3a433a8ce2cb0427c29ec6c1775cfc78328b57f6ba7bfeaa9c");
    }

    @Test
    void correctSequenceIsStoredAndEveryOlderSecretDerivable() {
        RevocationStore store = new RevocationStore();
        for (int i = 0; i < S.length; i++) {
            store.insert(Hex.decode(S[i]), TOP - i);
        }
        for (int i = 0; i < S.length; i++) {
            assertThat(Hex.encode(store.secretFor(TOP - i))).isEqualTo(S[i]);
        }
        assertThat(store.secretFor(TOP - 8)).isNull();
        RevocationStore copy = RevocationStore.fromBytes(store.toBytes());
        assertThat(Hex.encode(copy.secretForState(3))).isEqualTo(S[3]);
        assertThat(S[1]).isEqualTo(Hex.encode(RevocationSecrets.forState(Hex.decode(FF), 1)));
    }

    @Test
    void incorrectSequencesAreRefusedAtTheRightSecret() {
        refusedAtLast(W0, S[1]);
        refusedAtLast(W0, W1, W2, S[3]);
        refusedAtLast(S[0], S[1], W2, S[3]);
        refusedAtLast(W0, W1, W2, W3, S[4], S[5], S[6], S[7]);
        refusedAtLast(S[0], S[1], S[2], S[3], W4, S[5]);
        refusedAtLast(S[0], S[1], S[2], S[3], W4, W5, S[6], S[7]);
        refusedAtLast(S[0], S[1], S[2], S[3], S[4], S[5], W6, S[7]);
        refusedAtLast(S[0], S[1], S[2], S[3], S[4], S[5], S[6], W7);
    }

    @Test
    void outOfOrderSecretIsRefused() {
        RevocationStore store = new RevocationStore();
        store.insert(Hex.decode(S[0]), TOP);
        assertThatThrownBy(() -> store.insert(Hex.decode(S[2]), TOP - 2))
                .isInstanceOf(RevocationStore.InvalidSecretException.class);
    }

    private static void refusedAtLast(String... secrets) {
        RevocationStore store = new RevocationStore();
        List<String> list = List.of(secrets);
        for (int i = 0; i < list.size() - 1; i++) {
            store.insert(Hex.decode(list.get(i)), TOP - i);
        }
        int last = list.size() - 1;
        assertThatThrownBy(() -> store.insert(Hex.decode(list.get(last)), TOP - last))
                .as("sequence %s", list).isInstanceOf(RevocationStore.InvalidSecretException.class);
    }

    private static String gen(String seed, long index) {
        return Hex.encode(RevocationSecrets.generateFromSeed(Hex.decode(seed), index));
    }
}
