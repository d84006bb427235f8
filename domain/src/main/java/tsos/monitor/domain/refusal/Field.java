package tsos.monitor.domain.refusal;

import java.util.Locale;

/**
 * The field a refusal names, in the domain's words: a column of a row (or of the batch itself), the count of one
 * metric, or one month of a plan. How a field is written in a request is the API's business, not the domain's.
 */
public sealed interface Field {

    enum Column implements Field {
        REGION, MUNICIPALITY, SCHOOL, NAME, PERIOD, COUNTS, INDICATOR, YEAR, QUOTA, MONTHS, IDEMPOTENCY_KEY, REPORTS,
        SENDER, REGIONS;

        /** The column as a message names it ("a municipality code …"). */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The count of one metric, named as it was sent (as far as it is printable). */
    record Count(String metric) implements Field {
    }

    /** One month of a plan, numbered as people number them: 1 is January. */
    record PlanMonth(int number) implements Field {
    }
}
