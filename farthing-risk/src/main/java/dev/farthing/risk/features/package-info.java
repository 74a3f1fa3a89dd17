/**
 * Real-time features of a payment. {@link dev.farthing.risk.features.DefaultFeatureEngine} keeps, in memory and
 * bounded by {@link dev.farthing.risk.features.FeatureConfig}:
 * <ul>
 *   <li>per payer, payee, device, IP, instrument and content: counts (and for some, sums) over 1 min, 1 h and
 *       24 h, each a ring of buckets (default 10 s, 5 min, 1 h), in least-recently-seen bounded tables;</li>
 *   <li>DataSketches HLL distinct counts (payees per payer, payers and young payers per payee, accounts and
 *       instruments per device, accounts per IP and per instrument);</li>
 *   <li>per payer: the last payment times (gap coefficient of variation), an amount/hour-of-day histogram
 *       baseline, the last few devices, IPs and instruments, and the last geo and country;</li>
 *   <li>the account graph of {@link dev.farthing.risk.graph}: linked components, income share, cycles.</li>
 * </ul>
 * Every feature, with its unit and meaning, is listed by {@code DefaultFeatureEngine.defaultSchema()}; counts
 * describe payments recorded before the one scored; missing values are NaN. The engine is single-writer and
 * deterministic (time is passed in), and {@code snapshot()} / {@code restore(...)} carry its state over a
 * restart in a length- and CRC32C-checked format. {@link dev.farthing.risk.features.FeatureReplay} turns a
 * recorded dataset into model training rows through the same code.
 */
package dev.farthing.risk.features;
