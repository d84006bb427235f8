package tsos.monitor.domain.port;

import tsos.monitor.domain.indicator.IndicatorCatalogue;

/** Where the deployment's indicator catalogue is kept: data, so an indicator is added without a code change. */
public interface CatalogueSource {

    IndicatorCatalogue load();
}
