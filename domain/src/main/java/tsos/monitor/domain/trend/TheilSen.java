package tsos.monitor.domain.trend;

import java.util.Arrays;

/**
 * The Theil–Sen line: the slope is the median of the slopes between every pair of points, the intercept the
 * median of y − slope · x. Up to about 29 % of the points may be anything without moving it: a summer or New
 * Year dip of two or three months among nine is outvoted by the pairs that do not touch it, where a
 * least-squares line would be dragged down.
 */
record TheilSen(double slope, double intercept) {

    static TheilSen fit(double[] x, double[] y) {
        int n = x.length;
        if (n == 0 || n != y.length) {
            throw new IllegalArgumentException("a line needs points, as many x as y");
        }
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                slopes[k++] = (y[j] - y[i]) / (x[j] - x[i]);
            }
        }
        double slope = n == 1 ? 0 : median(slopes);
        double[] intercepts = new double[n];
        for (int i = 0; i < n; i++) {
            intercepts[i] = y[i] - slope * x[i];
        }
        return new TheilSen(slope, median(intercepts));
    }

    double at(double x) {
        return intercept + slope * x;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
