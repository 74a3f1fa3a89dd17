/**
 * Pure channel message formats: no ledger, no I/O. Every signed message starts with its own four-byte
 * domain prefix, so a signature over one kind of message can never be replayed as another:
 *
 * <table>
 * <caption>Signed byte layouts (all integers unsigned 64-bit big-endian, ids and keys 32 bytes)</caption>
 * <tr><th>message</th><th>bytes</th><th>signed by</th></tr>
 * <tr><td>{@link Claim} (XRPL PayChan)</td><td>{@code "CLM\0" ‖ channel id ‖ amount}</td><td>payer</td></tr>
 * <tr><td>{@link ChannelState}</td><td>{@code "FST\0" ‖ id ‖ nonce ‖ balance A ‖ balance B ‖ rev hash A ‖ rev hash B}</td>
 *     <td>A and B signing keys</td></tr>
 * <tr><td>{@link CooperativeClose}</td><td>{@code "FCC\0" ‖ state bytes}</td><td>A and B signing keys</td></tr>
 * <tr><td>{@link CloseSubmission}</td><td>{@code "FCS\0" ‖ party (1 byte: 0 = A, 1 = B) ‖ state bytes}</td>
 *     <td>the submitting party's dispute key</td></tr>
 * <tr><td>{@link PayerClose}</td><td>{@code "FPC\0" ‖ channel id}</td><td>one-way payer key</td></tr>
 * <tr><td>{@link Rotation}</td><td>{@code "FRK\0" ‖ id ‖ party (1 byte: 0 = A, 1 = B) ‖ counter ‖ new key}</td>
 *     <td>the party's old signing key AND its dispute key</td></tr>
 * <tr><td>{@link Splice}</td><td>{@code "FSP\0" ‖ state bytes ‖ change A (i64) ‖ change B (i64)}</td>
 *     <td>A and B signing keys (the state itself is signed too)</td></tr>
 * <tr><td>{@link DisputeRotation}</td><td>{@code "FRD\0" ‖ id ‖ party ‖ counter ‖ new dispute key ‖ old key up to nonce}</td>
 *     <td>the party's old dispute key AND its signing key</td></tr>
 * <tr><td>{@link Arbitration}</td><td>{@code "FAR\0" ‖ id ‖ balance A ‖ balance B}</td>
 *     <td>any two of A dispute key, B dispute key, platform arbiter</td></tr>
 * </table>
 *
 * <p>Revocation: the secret for two-way state {@code n} is BOLT 3 {@code generate_from_seed(seed, 2^48-1-n)}
 * ({@link RevocationSecrets}); its hash is SHA-256(secret). The receiver keeps secrets in the 49-entry
 * {@link RevocationStore}.
 */
package dev.farthing.channel.protocol;
