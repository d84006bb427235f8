package tsos.monitor.application;

import java.util.List;
import tsos.monitor.domain.port.ReportStore.StoredBatch;
import tsos.monitor.domain.refusal.Violation;
import tsos.monitor.domain.report.ReportWarning;

/** What became of a submitted batch. The caller must look at it: a refusal is a result, not an exception. */
public sealed interface SubmissionResult {

    /** What is made of each kind of result: a kind added here is a compile error wherever results are answered. */
    interface Cases<R> {
        R stored(Stored stored);

        R checked(Checked checked);

        R refused(Refused refused);

        R forbidden(Forbidden forbidden);

        R keyReused(KeyReused reused);
    }

    <R> R match(Cases<R> cases);

    /** Stored now, or earlier under the same key with the same content ({@code replayed}). */
    record Stored(StoredBatch batch, List<ReportWarning> warnings, boolean replayed) implements SubmissionResult {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.stored(this);
        }
    }

    /** A dry run: the batch would be stored with these warnings; nothing was stored. */
    record Checked(int values, List<ReportWarning> warnings) implements SubmissionResult {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.checked(this);
        }
    }

    /** Malformed: nothing was stored; every offending row and field is named. */
    record Refused(List<Violation> violations) implements SubmissionResult {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.refused(this);
        }
    }

    /** The sender may not report for some rows' regions: nothing was stored; those rows are named. */
    record Forbidden(List<Violation> violations) implements SubmissionResult {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.forbidden(this);
        }
    }

    /** The idempotency key was used before for a batch with other content: nothing was stored. */
    record KeyReused(String idempotencyKey, StoredBatch earlier) implements SubmissionResult {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.keyReused(this);
        }
    }
}
