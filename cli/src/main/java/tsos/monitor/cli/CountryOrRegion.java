package tsos.monitor.cli;

import picocli.CommandLine.Option;

/** The whole country, or the one region named. */
final class CountryOrRegion {

    @Option(names = "--region", defaultValue = "", description = "One region's subject code; the whole country "
            + "without it.")
    String region;
}
