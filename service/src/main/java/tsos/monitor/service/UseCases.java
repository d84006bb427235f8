package tsos.monitor.service;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import tsos.monitor.application.BatchStoredListener;
import tsos.monitor.application.CountryBriefing;
import tsos.monitor.application.IngestionAdmission;
import tsos.monitor.application.IngestionObserver;
import tsos.monitor.application.RegisterTerritories;
import tsos.monitor.application.ReadModelObserver;
import tsos.monitor.application.RegionalBriefing;
import tsos.monitor.application.SetMonthlyPlans;
import tsos.monitor.application.SetQuotas;
import tsos.monitor.application.SenderAuthentication;
import tsos.monitor.application.StatusChanges;
import tsos.monitor.application.StatusQueries;
import tsos.monitor.application.StatusReadModel;
import tsos.monitor.application.SubmitReports;
import tsos.monitor.application.YearQueries;
import tsos.monitor.domain.indicator.IndicatorCatalogue;
import tsos.monitor.domain.port.CatalogueSource;
import tsos.monitor.domain.port.PlanStore;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.ReportStore;
import tsos.monitor.domain.port.SenderTokens;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;

/** The use cases are plain classes; this is where they meet the adapters that implement their ports. */
@Factory
final class UseCases {

    @Singleton
    IndicatorCatalogue catalogue(CatalogueSource source) {
        return source.load();
    }

    @Singleton
    SubmitReports submitReports(IndicatorCatalogue catalogue, TerritoryDirectory territories, ReportStore reports,
                                Transactions transactions, RegionRevisions revisions,
                                Settings.Ingestion settings, List<BatchStoredListener> listeners,
                                List<IngestionObserver> observers) {
        return new SubmitReports(catalogue, territories, reports, transactions, revisions, settings.maxRows(),
                listeners, observers);
    }

    @Singleton
    IngestionAdmission ingestionAdmission(Settings.Ingestion settings) {
        return new IngestionAdmission(settings.maxRowsInFlight(),
                java.time.Duration.ofMillis(settings.admissionWaitMillis()));
    }

    @Singleton
    SenderAuthentication senderAuthentication(SenderTokens tokens, Transactions transactions,
                                              TerritoryDirectory territories, Settings.Auth settings) {
        return new SenderAuthentication(tokens, transactions, territories, settings.openReads());
    }

    @Singleton
    StatusReadModel statusReadModel(IndicatorCatalogue catalogue, StatusQueries statuses,
                                    TerritoryDirectory territories, ReportStore reports, ReadModelObserver observer) {
        return new StatusReadModel(catalogue, statuses, territories, reports, observer, Clock.systemUTC());
    }

    @Singleton
    StatusQueries statusQueries(IndicatorCatalogue catalogue, TerritoryDirectory territories, ReportStore reports,
                                PlanStore plans, RegionRevisions revisions,
                                Settings.Status settings) {
        return new StatusQueries(catalogue, territories, reports, plans, revisions, settings.regionMonthsKept());
    }

    @Singleton
    RegionalBriefing regionalBriefing(IndicatorCatalogue catalogue, StatusQueries statuses, StatusChanges changes,
                                      YearQueries years, TerritoryDirectory territories, ReportStore reports) {
        return new RegionalBriefing(catalogue, statuses, changes, years, territories, reports);
    }

    @Singleton
    CountryBriefing countryBriefing(IndicatorCatalogue catalogue, StatusQueries statuses,
                                    TerritoryDirectory territories, ReportStore reports) {
        return new CountryBriefing(catalogue, statuses, territories, reports);
    }

    @Singleton
    RegisterTerritories registerTerritories(TerritoryDirectory territories, Transactions transactions,
                                            RegionRevisions revisions) {
        return new RegisterTerritories(territories, transactions, revisions);
    }

    @Singleton
    SetMonthlyPlans setMonthlyPlans(IndicatorCatalogue catalogue, TerritoryDirectory territories, PlanStore plans,
                                    Transactions transactions, RegionRevisions revisions) {
        return new SetMonthlyPlans(catalogue, territories, plans, transactions, revisions);
    }

    @Singleton
    SetQuotas setQuotas(IndicatorCatalogue catalogue, TerritoryDirectory territories, PlanStore plans,
                        Transactions transactions, RegionRevisions revisions) {
        return new SetQuotas(catalogue, territories, plans, transactions, revisions);
    }
}
