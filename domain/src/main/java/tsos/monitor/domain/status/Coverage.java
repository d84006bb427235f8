package tsos.monitor.domain.status;

import java.util.Collection;

/**
 * How many of a territory's children reported an indicator in a month, of how many were expected to: a region's
 * figure "over 6 of 7 municipalities", a municipality's over its schools. A school has no children: 0 of 0.
 */
public record Coverage(int reportedChildren, int expectedChildren) {

    public static final Coverage NONE = new Coverage(0, 0);

    public Coverage {
        if (reportedChildren < 0 || reportedChildren > expectedChildren) {
            throw new IllegalArgumentException("reported " + reportedChildren + " of " + expectedChildren);
        }
    }

    /** The expected children's statuses: a child reported when it has counts for the indicator (even inconsistent). */
    public static Coverage of(Collection<IndicatorStatus> expectedChildren) {
        int reported = (int) expectedChildren.stream().filter(child -> child.actual().isPresent()).count();
        return new Coverage(reported, expectedChildren.size());
    }

    public boolean isComplete() {
        return reportedChildren == expectedChildren;
    }
}
