/**
 * Links between accounts: {@link dev.farthing.risk.graph.AccountGraph} merges accounts that share a device, IP
 * or instrument in an incremental union-find (busy identifiers stop linking at a cap, so a carrier-grade NAT
 * IP cannot merge everyone), and keeps the last few money-moving payments per account to find short cycles
 * (mule rings) and a payee's recent income by linked component (account farms, view bots). Bounded: when the
 * account table fills, the graph starts afresh.
 */
package dev.farthing.risk.graph;
