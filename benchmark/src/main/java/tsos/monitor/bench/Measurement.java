package tsos.monitor.bench;

/**
 * Figures measured on the service once its data is in place (every week stored), each added to the report beside
 * its target. {@link Scenario#ON_THE_DATA} lists them, in the order they run.
 */
interface Measurement {

    void measure(MeasuredService service, Report report) throws Exception;
}
