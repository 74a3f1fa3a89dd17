package dev.farthing.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** SLIP-0010 "Test vector 1 for ed25519" and "Test vector 2 for ed25519". */
class Slip10Test {
    private static final String SEED1 = "000102030405060708090a0b0c0d0e0f";
    private static final String SEED2 = "fffcf9f6f3f0edeae7e4e1dedbd8d5d2cfccc9c6c3c0bdbab7b4b1aeaba8a5a2"
            + "9f9c999693908d8a8784817e7b7875726f6c696663605d5a5754514e4b484542";

    @ParameterizedTest
    @CsvSource({
        "1, m, 90046a93de5380a72b5e45010748567d5ea02bbf6522f979e05c0d8d8ca9fffb, 2b4be7f19ee27bbf30c667b642d5f4aa69fd169872f8fc3059c08ebae2eb19e7, a4b2856bfec510abab89753fac1ac0e1112364e7d250545963f135f2a33188ed",
        "1, m/0', 8b59aa11380b624e81507a27fedda59fea6d0b779a778918a2fd3590e16e9c69, 68e0fe46dfb67e368c75379acec591dad19df3cde26e63b93a8e704f1dade7a3, 8c8a13df77a28f3445213a0f432fde644acaa215fc72dcdf300d5efaa85d350c",
        "1, m/0'/1', a320425f77d1b5c2505a6b1b27382b37368ee640e3557c315416801243552f14, b1d0bad404bf35da785a64ca1ac54b2617211d2777696fbffaf208f746ae84f2, 1932a5270f335bed617d5b935c80aedb1a35bd9fc1e31acafd5372c30f5c1187",
        "1, m/0'/1'/2'/2'/1000000000', 68789923a0cac2cd5a29172a475fe9e0fb14cd6adb5ad98a3fa70333e7afa230, 8f94d394a8e8fd6b1bc2f3f49f5c47e385281d5c17e65324b0f62483e37e8793, 3c24da049451555d51a7014a37337aa4e12d41e485abccfa46b47dfb2af54b7a",
        "2, m, ef70a74db9c3a5af931b5fe73ed8e1a53464133654fd55e7a66f8570b8e33c3b, 171cb88b1b3c1db25add599712e36245d75bc65a1a5c9e18d76f9f2b1eab4012, 8fe9693f8fa62a4305a140b9764c5ee01e455963744fe18204b4fb948249308a",
        "2, m/0', 0b78a3226f915c082bf118f83618a618ab6dec793752624cbeb622acb562862d, 1559eb2bbec5790b0c65d8693e4d0875b1747f4970ae8b650486ed7470845635, 86fab68dcb57aa196c77c5f264f215a112c22a912c10d123b0d03c3c28ef1037",
    })
    void publishedVectors(int vector, String path, String chainCode, String privateKey, String publicKey) {
        Slip10.Node node = Slip10.master(Hex.decode(vector == 1 ? SEED1 : SEED2)).derive(Slip10.parsePath(path));
        assertThat(Hex.encode(node.chainCode())).isEqualTo(chainCode);
        assertThat(Hex.encode(node.key())).isEqualTo(privateKey);
        assertThat(Hex.encode(node.signer().publicKey())).isEqualTo(publicKey);
    }

    @Test
    void nonHardenedPathsAreRefused() {
        assertThatThrownBy(() -> Slip10.parsePath("m/0'/1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hardened");
        assertThatThrownBy(() -> Slip10.master(new byte[15])).isInstanceOf(IllegalArgumentException.class);
    }
}
