package tsos.monitor.application;

import java.util.List;
import tsos.monitor.domain.port.ReportStore.StoredBatch;
import tsos.monitor.domain.report.ReportWarning;
import tsos.monitor.domain.report.Violation;

/** What became of a submitted batch. The caller must look at it: a refusal is a result, not an exception. */
public sealed interface SubmissionResult {

    /** Stored now, or earlier under the same key with the same content ({@code replayed}). */
    record Stored(StoredBatch batch, List<ReportWarning> warnings, boolean replayed) implements SubmissionResult {
    }

    /** A dry run: the batch would be stored with these warnings; nothing was stored. */
    record Checked(int values, List<ReportWarning> warnings) implements SubmissionResult {
    }

    /** Malformed: nothing was stored; every offending row and field is named. */
    record Refused(List<Violation> violations) implements SubmissionResult {
    }

    /** The sender may not report for some rows' regions: nothing was stored; those rows are named. */
    record Forbidden(List<Violation> violations) implements SubmissionResult {
    }

    /** The idempotency key was used before for a batch with other content: nothing was stored. */
    record KeyReused(String idempotencyKey, StoredBatch earlier) implements SubmissionResult {
    }
}
