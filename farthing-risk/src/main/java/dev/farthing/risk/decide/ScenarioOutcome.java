package dev.farthing.risk.decide;

/**
 * Backtest results of one scenario ({@code legit}, {@code bot}, ...): what baseline and candidate decided.
 * For attack scenarios the figure of merit is {@link ActionCounts#caughtRate()}; for legit traffic the
 * decline and friction rates, which must stay tiny.
 */
public record ScenarioOutcome(String scenario, boolean fraud, ActionCounts baseline, ActionCounts candidate) {
    public long total() {
        return baseline.total();
    }
}
