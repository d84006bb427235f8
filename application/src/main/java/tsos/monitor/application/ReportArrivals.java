package tsos.monitor.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tsos.monitor.domain.indicator.IndicatorDefinition;
import tsos.monitor.domain.indicator.ReportingCadence;
import tsos.monitor.domain.period.IsoWeek;
import tsos.monitor.domain.period.Month;
import tsos.monitor.domain.period.ReportingPeriod;
import tsos.monitor.domain.port.ReportStore.DataMonth;
import tsos.monitor.domain.port.ReportStore.DataWeek;
import tsos.monitor.domain.status.ExpectedReporters;
import tsos.monitor.domain.status.StatusPeriod;
import tsos.monitor.domain.territory.TerritoryCode;

/**
 * When a territory's reports of an indicator arrived around the period asked, from its own counts only
 * ({@link ExpectedReporters#isOwnCount}): the first arrival of the period's data (is it on time?) and the latest
 * period it reported in up to the period (since when is it silent?). A month's come from the ledger of months; a
 * week's from the values of its plan months and the ledger of the months before.
 */
abstract sealed class ReportArrivals {

    abstract Optional<Instant> firstReceived(TerritoryCode territory, IndicatorDefinition indicator);

    abstract Optional<ReportingPeriod> lastReported(TerritoryCode territory, IndicatorDefinition indicator);

    static ReportArrivals of(ReportingPeriod period, Map<TerritoryCode, List<DataMonth>> months,
                             List<DataWeek> aroundWeek) {
        return period instanceof IsoWeek week ? new OfWeek(week, months, aroundWeek)
                : new OfMonth((Month) period, months);
    }

    private static Stream<DataMonth> own(Map<TerritoryCode, List<DataMonth>> months, TerritoryCode territory,
                                         IndicatorDefinition indicator) {
        return months.getOrDefault(territory, List.of()).stream()
                .filter(data -> ExpectedReporters.isOwnCount(indicator, data.metric()));
    }

    private static final class OfMonth extends ReportArrivals {
        private final Month month;
        private final Map<TerritoryCode, List<DataMonth>> months;

        OfMonth(Month month, Map<TerritoryCode, List<DataMonth>> months) {
            this.month = month;
            this.months = months;
        }

        @Override
        Optional<Instant> firstReceived(TerritoryCode territory, IndicatorDefinition indicator) {
            return own(months, territory, indicator).filter(data -> data.month().equals(month))
                    .map(DataMonth::firstReceived).min(Comparator.naturalOrder());
        }

        @Override
        Optional<ReportingPeriod> lastReported(TerritoryCode territory, IndicatorDefinition indicator) {
            return own(months, territory, indicator).map(DataMonth::month).filter(m -> m.compareTo(month) <= 0)
                    .max(Comparator.naturalOrder()).map(ReportingPeriod.class::cast);
        }
    }

    private static final class OfWeek extends ReportArrivals {
        private final IsoWeek week;
        private final Map<TerritoryCode, List<DataMonth>> months;
        private final Map<TerritoryCode, List<DataWeek>> aroundWeek;

        OfWeek(IsoWeek week, Map<TerritoryCode, List<DataMonth>> months, List<DataWeek> aroundWeek) {
            this.week = week;
            this.months = months;
            this.aroundWeek = aroundWeek.stream().collect(Collectors.groupingBy(DataWeek::territory));
        }

        private Stream<DataWeek> own(TerritoryCode territory, IndicatorDefinition indicator) {
            return aroundWeek.getOrDefault(territory, List.of()).stream()
                    .filter(data -> ExpectedReporters.isOwnCount(indicator, data.metric()));
        }

        @Override
        Optional<Instant> firstReceived(TerritoryCode territory, IndicatorDefinition indicator) {
            return own(territory, indicator).flatMap(data -> data.firstReceived().stream())
                    .min(Comparator.naturalOrder());
        }

        @Override
        Optional<ReportingPeriod> lastReported(TerritoryCode territory, IndicatorDefinition indicator) {
            // The week's plan months are read value by value; the ledger's latest end of an earlier month is exact.
            YearMonth firstOfWeek = YearMonth.from(week.start());
            Stream<LocalDate> inEarlierMonths = ReportArrivals.own(months, territory, indicator)
                    .filter(data -> data.month().value().isBefore(firstOfWeek)).map(DataMonth::latestPeriodEnd);
            Stream<LocalDate> inWeekMonths = own(territory, indicator).flatMap(data -> data.latestEndBefore().stream());
            return Stream.concat(inEarlierMonths, inWeekMonths).max(Comparator.naturalOrder())
                    .map(end -> StatusPeriod.containing(ReportingCadence.WEEKLY, end));
        }
    }
}
