package tsos.monitor.cli;

import picocli.CommandLine.Option;
import tsos.monitor.api.v1.TerritoryRef;

/** A region, a municipality of it by code or name, or a school of that municipality by code or name. */
final class TerritoryOptions {

    @Option(names = "--region", required = true, description = "Two-digit subject code, such as 27.")
    String region;

    @Option(names = "--municipality", defaultValue = "", description = "A municipality's code or name.")
    String municipality;

    @Option(names = "--school", defaultValue = "", description = "A school's code or name (with --municipality).")
    String school;

    TerritoryRef ref() {
        return TerritoryRef.newBuilder().setRegion(region).setMunicipality(municipality).setSchool(school).build();
    }
}
