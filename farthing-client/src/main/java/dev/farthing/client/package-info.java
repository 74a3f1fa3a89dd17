/**
 * The Farthing client SDK. {@code http}: the channel endpoints over {@code java.net.http} with problem+json
 * refusals as {@link dev.farthing.client.http.FarthingApiException}. {@code oneway}: the wallet signs XRPL
 * claims ({@link dev.farthing.client.oneway.PayerChannel}); the merchant checks them offline
 * ({@link dev.farthing.client.oneway.ClaimVerifier}). {@code twoway}: revocable two-way channels off the ledger
 * ({@link dev.farthing.client.twoway.TwoWayChannel}) with a durable checksummed state file, group commit, and a
 * {@link dev.farthing.client.twoway.JusticeListener} hook for watchtowers. Keys come from
 * {@code dev.farthing.keys.Wallet}.
 */
package dev.farthing.client;
