package dev.farthing.customers.vault;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IpTokensTest {
    private final Pseudonyms ps = new Pseudonyms(new byte[32]);

    @Test
    void theAddressClassIsDerivedBeforeTokenisingAndKeptInTheToken() {
        assertThat(IpTokens.token(ps, "10.1.2.3")).startsWith("ip4priv_");
        assertThat(IpTokens.token(ps, "172.20.0.1")).startsWith("ip4priv_");
        assertThat(IpTokens.token(ps, "172.32.0.1")).startsWith("ip4pub_");
        assertThat(IpTokens.token(ps, "100.64.0.1")).startsWith("ip4cgnat_");
        assertThat(IpTokens.token(ps, "100.128.0.1")).startsWith("ip4pub_");
        assertThat(IpTokens.token(ps, "127.0.0.1")).startsWith("ip4loop_");
        assertThat(IpTokens.token(ps, "169.254.9.9")).startsWith("ip4link_");
        assertThat(IpTokens.token(ps, "::1")).startsWith("ip6loop_");
        assertThat(IpTokens.token(ps, "fd00::5")).startsWith("ip6ula_");
        assertThat(IpTokens.token(ps, "fe80::1")).startsWith("ip6link_");
        assertThat(IpTokens.token(ps, "2001:db8::1")).startsWith("ip6pub_");
        assertThat(IpTokens.token(ps, "not-an-ip")).startsWith("ipx_");
    }

    @Test
    void equalAddressesShareATokenWhateverTheSpellingAndTokensAreNotTokenisedAgain() {
        assertThat(IpTokens.token(ps, "2001:DB8:0::1")).isEqualTo(IpTokens.token(ps, "2001:db8::1"));
        assertThat(IpTokens.token(ps, "::ffff:198.51.100.7")).isEqualTo(IpTokens.token(ps, "198.51.100.7"));
        assertThat(IpTokens.token(ps, "198.51.100.7")).isNotEqualTo(IpTokens.token(ps, "198.51.100.8"));
        String t = IpTokens.token(ps, "198.51.100.7");
        assertThat(IpTokens.token(ps, t)).isEqualTo(t);
        assertThat(new Pseudonyms(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
                22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}).token("ip4pub", "198.51.100.7"))
                .as("another key, another token").isNotEqualTo(t);
    }
}
