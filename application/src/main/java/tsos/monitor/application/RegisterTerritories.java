package tsos.monitor.application;

import java.util.List;
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
        // Municipalities first: a school listed with its municipality finds its parent registered.
        return write.rows(new TerritoryRegistration(territories).check(municipalities, schools).map(valid ->
                Stream.concat(valid.municipalities().stream(), valid.schools().stream()).toList()),
                Territory::code, territories::register);
    }
}
