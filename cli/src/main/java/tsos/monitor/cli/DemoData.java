package tsos.monitor.cli;

import io.grpc.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import tsos.monitor.api.v1.IndicatorState;
import tsos.monitor.api.v1.IndicatorStatus;
import tsos.monitor.api.v1.IndicatorStatusesGrpc;
import tsos.monitor.api.v1.ListStatusesRequest;
import tsos.monitor.api.v1.TerritoryRef;
import tsos.monitor.cli.tables.TableLoader;

/**
 * The demo: the ministries' own tables (Khabarovsk 2022, Krasnoyarsk 2024; ../shared/data, converted to the
 * command line's formats and shipped in the jar) loaded through the gRPC API as an analyst would load them,
 * then the statuses they give.
 */
public final class DemoData {

    static final List<String> FILES = List.of(
            "territories-27-khabarovsk.tsv",
            "plans-27-khabarovsk-2022.tsv",
            "quotas-27-khabarovsk-2022.tsv",
            "reports-27-khabarovsk-2022-11.tsv",
            "plans-24-krasnoyarsk-2024.tsv",
            "reports-24-krasnoyarsk-2024-09.tsv");

    /** The page of the demo's first region and month, as the service serves it. */
    public static final String BRIEFING = "/briefings/27/2022-11";

    private record Shown(String region, String month) {
    }

    private static final List<Shown> SHOWN = List.of(new Shown("27", "2022-11"), new Shown("24", "2024-09"));

    private final Channel channel;
    private final PrintWriter out;

    public DemoData(Channel channel, PrintWriter out) {
        this.channel = channel;
        this.out = out;
    }

    public void loadAndPrint() {
        Path directory = extracted();
        TableLoader loader = new TableLoader(channel, out);
        for (String file : FILES) {
            LoadCommand.printSummary(out, loader.load(directory.resolve(file), false));
        }
        var statuses = IndicatorStatusesGrpc.newBlockingStub(channel);
        List<IndicatorStatus> shownStatuses = new ArrayList<>();
        for (Shown shown : SHOWN) {
            statuses.listStatuses(ListStatusesRequest.newBuilder()
                            .setTerritory(TerritoryRef.newBuilder().setRegion(shown.region()))
                            .setMonth(shown.month()).build())
                    .getStatusesList().stream()
                    .filter(s -> s.getState() != IndicatorState.NO_DATA || s.hasPlan())
                    .forEach(shownStatuses::add);
        }
        out.print(StatusFormat.TABLE.render(shownStatuses));
        out.flush();
    }

    /** The demo tables as files, for the loader that reads files as an analyst's would be read. */
    private static Path extracted() {
        try {
            Path directory = Files.createTempDirectory("tsos-demo");
            directory.toFile().deleteOnExit();
            for (String file : FILES) {
                try (InputStream in = DemoData.class.getResourceAsStream("/demo/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("demo table " + file + " is missing from the jar");
                    }
                    Path target = directory.resolve(file);
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    target.toFile().deleteOnExit();
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
