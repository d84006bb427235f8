package tsos.monitor.domain.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A percent with two decimals, as the ministries write them (7.97 %). Plans are set in percents; an actual
 * percent is only ever computed from a {@link Share}'s counts. Also used for gaps in percentage points.
 */
public record Percent(BigDecimal value) implements Comparable<Percent> {

    public static final int SCALE = 2;

    public Percent {
        if (value.scale() > SCALE && value.setScale(SCALE, RoundingMode.DOWN).compareTo(value) != 0) {
            throw new IllegalArgumentException("a percent has at most two decimals: " + value.toPlainString());
        }
        value = value.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    public static Percent of(String text) {
        try {
            return new Percent(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a percent such as 48.25");
        }
    }

    public static Percent ofHundredths(long hundredths) {
        return new Percent(BigDecimal.valueOf(hundredths, SCALE));
    }

    /** A plan or band bound: between 0 and 100. */
    public Percent checkedAsTarget() {
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("a target percent is between 0 and 100, not " + this);
        }
        return this;
    }

    public long hundredths() {
        return value.unscaledValue().longValueExact();
    }

    public Percent minus(Percent other) {
        return new Percent(value.subtract(other.value));
    }

    public double ratio() {
        return value.doubleValue() / 100.0;
    }

    @Override
    public int compareTo(Percent other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
