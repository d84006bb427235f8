package tsos.monitor.bench;

import java.util.List;
import java.util.Locale;

/** (1) Ingestion through gRPC judged against COPY of the same rows: the figures of one comparison. */
final class Ingestion {

    private static final double TARGET_SHARE_OF_COPY = 0.50;
    private static final String REMEDY = "binary COPY; several senders at once (the JVM's share of a batch overlaps "
            + "PostgreSQL's)";

    private Ingestion() {
    }

    /**
     * @param which    which weeks were sent ("week 1 into empty tables")
     * @param week     the week judged
     * @param copyWeek the week whose rows the yardstick copied
     * @param copies   the yardstick's runs, slowest first: the median is judged against
     */
    static void report(Report report, Options options, String which, GrpcWeek week, int copyWeek, String copyInto,
                       List<CopyYardstick.Run> copies) {
        CopyYardstick.Run copy = copies.get(copies.size() / 2);
        String headline = report.hasSection(1) ? "    " : "(1) ";
        report.figure(1, headline + "gRPC ingestion, " + which, Report.rate(week.rate()));
        report.figure(1, "    PostgreSQL COPY into " + copyInto + ", median of " + copies.size(),
                Report.rate(copy.rate()));
        report.figure(1, "    COPY runs: slowest / median / fastest", String.format(Locale.ROOT,
                "%,.0f / %,.0f / %,.0f values/s", copies.get(0).rate(), copy.rate(),
                copies.get(copies.size() - 1).rate()));
        double ratio = week.rate() / copy.rate();
        report.judged(1, "    ingestion / COPY, " + which, String.format(Locale.ROOT, "%.1f %%", ratio * 100),
                ">= 50 %", ratio >= TARGET_SHARE_OF_COPY, REMEDY);
        report.note(String.format(Locale.ROOT, "Ingestion, %s (week %d): %,d school reports, %,d values in %d "
                        + "SubmitReports calls of up to %d rows, sent one after another by one client (a sender's "
                        + "token for every region) over a plaintext local channel, requests built%s before the clock "
                        + "starts; %.2f s. %s. COPY into %s: one statement, week %d's %,d rows as text built before "
                        + "the clock starts, %.2f s (the median run). %s.", which, week.week(), week.rows(),
                week.values(), week.batches(), options.batchRows(), week.week() == 1 ? " (and sent once as a dry run)"
                        : "", week.phase().wallSeconds(), week.phase().describe(), copyInto, copyWeek, copy.values(),
                copy.phase().wallSeconds(), copy.phase().describe()));
    }
}
