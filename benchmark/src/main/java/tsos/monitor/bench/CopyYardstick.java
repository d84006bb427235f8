package tsos.monitor.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import tsos.monitor.adapters.persistence.ReportedValueRows;

/**
 * PostgreSQL's own COPY of a week's rows, the yardstick of ingestion: the rows the store would write (the
 * persistence adapter encodes them), as text built before the clock starts, in one statement, {@link Options#RUNS}
 * times, each after a checkpoint. Into a new empty table like reported_value, as week 1 finds it; or into
 * reported_value itself with the weeks in it, as the steady state finds it, in a transaction rolled back.
 */
final class CopyYardstick {

    enum Into { EMPTY_TABLE, REPORTED_VALUE_ROLLED_BACK }

    /** One COPY: the rows it wrote and the phase it took. */
    record Run(long values, Monitor.Phase phase) {
        double rate() {
            return values / phase.wallSeconds();
        }
    }

    private CopyYardstick() {
    }

    /** The runs, slowest first: the median is the yardstick (either side moved by a third from run to run). */
    static List<Run> runs(MeasuredService service, int week, long batchId, Into into) throws Exception {
        ReportedValueRows rows = service.writer().rows(batchId, Instant.now(), service.reports(week))
                .encodedAhead();
        List<Run> runs = new ArrayList<>();
        try (Connection db = service.database()) {
            for (int run = 1; run <= Options.RUNS; run++) {
                Run copy = copy(service, db, rows, into);
                service.progress().printf(Locale.ROOT, "bench:   run %d: %,d values in %.2f s = %,.0f values/s; %s%n",
                        run, copy.values(), copy.phase().wallSeconds(), copy.rate(), copy.phase().describe());
                runs.add(copy);
            }
        }
        runs.sort(Comparator.comparingDouble(Run::rate));
        return runs;
    }

    private static Run copy(MeasuredService service, Connection db, ReportedValueRows rows, Into into)
            throws Exception {
        String table = into == Into.EMPTY_TABLE ? "bench_copy" : "reported_value";
        if (into == Into.EMPTY_TABLE) {
            try (Statement statement = db.createStatement()) {
                statement.execute("drop table if exists bench_copy");
                statement.execute("drop sequence if exists bench_copy_id_seq");
                statement.execute("create sequence bench_copy_id_seq");
                statement.execute("create table bench_copy (like reported_value including all)");
                statement.execute("alter table bench_copy alter column id set default nextval('bench_copy_id_seq')");
            }
        }
        service.checkpoint();
        boolean rolledBack = into == Into.REPORTED_VALUE_ROLLED_BACK;
        db.setAutoCommit(!rolledBack);
        try {
            var watch = service.monitor().start();
            long copied = rows.copyInto(db, table);
            return new Run(copied, watch.stop());
        } finally {
            if (rolledBack) {
                db.rollback();
                db.setAutoCommit(true);
            }
        }
    }
}
