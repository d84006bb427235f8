package tsos.monitor.bench;

import java.nio.file.Path;

/** What the command line asked of the run (see {@link Bench} for each option's meaning and default). */
record Options(long seed, double scale, int weeks, int year, int batchRows, Fill fill, int scrapes, int statusRuns,
               Path dataDirectory, double refreshTimeout, int serviceRefreshSeconds) {

    /** How the weeks between the first and the measured last ones are loaded. */
    enum Fill { copy, grpc }

    /** Runs of COPY, and weeks of steady-state ingestion, of which the median is judged. */
    static final int RUNS = 3;

    /** The weeks measured in the steady state, at the end of the run. */
    int steadyWeeks() {
        return Math.min(RUNS, weeks - 1);
    }
}
