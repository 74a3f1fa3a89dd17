package dev.farthing.model.logistic;

import dev.farthing.model.data.Dataset;

/**
 * Fits {@link LogisticRegression} by Newton's method with a backtracking line search: for a few dozen features
 * the exact Hessian is cheap, converges in a handful of steps and is deterministic (no learning rate, no
 * random order). Features are standardised on the training rows first; missing values count as the mean.
 */
public final class LogisticTrainer {

    private LogisticTrainer() {
    }

    public static LogisticRegression train(Dataset data, LogisticParams params) {
        int n = data.size();
        int d = data.width();
        int positives = data.positives();
        if (n == 0 || positives == 0 || positives == n) {
            throw new IllegalArgumentException("training data needs both classes; it has " + positives
                    + " positives in " + n + " rows");
        }
        double[] means = new double[d];
        double[] scales = new double[d];
        double[][] x = standardise(data.rows(), means, scales);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = data.labels()[i];
        }
        // theta[0] is the intercept, theta[1..d] the standardised weights.
        double[] theta = new double[d + 1];
        theta[0] = Math.log((double) positives / (n - positives));
        double loss = objective(x, y, theta, params.l2());
        int iteration = 0;
        while (iteration < params.maxIterations()) {
            iteration++;
            double[] gradient = new double[d + 1];
            double[][] hessian = new double[d + 1][d + 1];
            derivatives(x, y, theta, params.l2(), gradient, hessian);
            if (maxAbs(gradient) < params.tolerance()) {
                break;
            }
            double[] step = Cholesky.solve(hessian, gradient);
            double t = 1.0;
            double[] next = new double[d + 1];
            double nextLoss;
            do {
                for (int j = 0; j <= d; j++) {
                    next[j] = theta[j] - t * step[j];
                }
                nextLoss = objective(x, y, next, params.l2());
                t /= 2;
            } while (nextLoss > loss && t > 1e-10);
            if (!(nextLoss <= loss)) {
                break; // no descent left at machine precision: this is the optimum
            }
            boolean converged = loss - nextLoss < params.tolerance() * params.tolerance();
            theta = next.clone();
            loss = nextLoss;
            if (converged) {
                break;
            }
        }
        double[] weights = new double[d];
        System.arraycopy(theta, 1, weights, 0, d);
        return new LogisticRegression(data.featureNames(), means, scales, weights, theta[0], iteration);
    }

    /** Standardised copies of the rows (mean 0, unit variance, NaN as 0); fills in the means and scales used. */
    static double[][] standardise(double[][] rows, double[] means, double[] scales) {
        int d = means.length;
        for (int j = 0; j < d; j++) {
            double sum = 0;
            long count = 0;
            for (double[] row : rows) {
                if (!Double.isNaN(row[j])) {
                    sum += row[j];
                    count++;
                }
            }
            means[j] = count == 0 ? 0 : sum / count;
            double squares = 0;
            for (double[] row : rows) {
                if (!Double.isNaN(row[j])) {
                    squares += (row[j] - means[j]) * (row[j] - means[j]);
                }
            }
            double sd = count == 0 ? 0 : Math.sqrt(squares / count);
            scales[j] = sd > 1e-12 ? sd : 1.0; // a constant feature stays constant (0) and gets no weight
        }
        double[][] x = new double[rows.length][d];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = Double.isNaN(rows[i][j]) ? 0 : (rows[i][j] - means[j]) / scales[j];
            }
        }
        return x;
    }

    static double objective(double[][] x, double[] y, double[] theta, double l2) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double z = margin(x[i], theta);
            // log(1 + e^z) - y z, computed without overflow
            sum += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[i] * z;
        }
        double penalty = 0;
        for (int j = 1; j < theta.length; j++) {
            penalty += theta[j] * theta[j];
        }
        return sum / x.length + l2 / 2 * penalty;
    }

    private static void derivatives(double[][] x, double[] y, double[] theta, double l2, double[] gradient,
                                    double[][] hessian) {
        int n = x.length;
        int d = theta.length - 1;
        for (int i = 0; i < n; i++) {
            double p = LogisticRegression.sigmoid(margin(x[i], theta));
            double r = (p - y[i]) / n;
            double w = p * (1 - p) / n;
            gradient[0] += r;
            hessian[0][0] += w;
            for (int j = 0; j < d; j++) {
                double xj = x[i][j];
                gradient[j + 1] += r * xj;
                hessian[0][j + 1] += w * xj;
                for (int k = j; k < d; k++) {
                    hessian[j + 1][k + 1] += w * xj * x[i][k];
                }
            }
        }
        for (int j = 1; j <= d; j++) {
            gradient[j] += l2 * theta[j];
            hessian[j][j] += l2;
        }
        for (int j = 0; j <= d; j++) {
            hessian[j][j] += 1e-12; // keeps the matrix positive definite when every p is 0 or 1
            for (int k = 0; k < j; k++) {
                hessian[j][k] = hessian[k][j];
            }
        }
    }

    private static double margin(double[] row, double[] theta) {
        double z = theta[0];
        for (int j = 0; j < row.length; j++) {
            z += theta[j + 1] * row[j];
        }
        return z;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double value : v) {
            m = Math.max(m, Math.abs(value));
        }
        return m;
    }
}
