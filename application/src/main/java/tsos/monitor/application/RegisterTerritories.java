package tsos.monitor.application;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tsos.monitor.domain.port.RegionRevisions;
import tsos.monitor.domain.port.TerritoryDirectory;
import tsos.monitor.domain.port.Transactions;
import tsos.monitor.domain.territory.Territory;
import tsos.monitor.domain.territory.TerritoryRegistration;
import tsos.monitor.domain.territory.TerritoryRegistration.SubmittedMunicipality;
import tsos.monitor.domain.territory.TerritoryRegistration.SubmittedSchool;

/**
 * Register municipalities and schools, or rename known ones: both lists are validated whole and registered whole
 * or not at all; a refusal names every bad row of both, each in its own list.
 */
public final class RegisterTerritories {

    private final TerritoryDirectory territories;
    private final RegionWrite write;

    public RegisterTerritories(TerritoryDirectory territories, Transactions transactions, RegionRevisions revisions) {
        this.territories = territories;
        this.write = new RegionWrite(transactions, revisions);
    }

    public WriteResult<Integer> register(List<SubmittedMunicipality> municipalities, List<SubmittedSchool> schools) {
        return new TerritoryRegistration(territories).check(municipalities, schools).fold(valid -> {
            List<Territory> all = Stream.concat(valid.municipalities().stream(), valid.schools().stream()).toList();
            write.of(all.stream().map(territory -> territory.code().regionCode()).collect(Collectors.toSet()),
                    () -> territories.register(all)); // municipalities first: a listed school's parent is there
            return new WriteResult.Stored<>(all.size());
        }, WriteResult.Refused::new);
    }
}
