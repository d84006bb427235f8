package tsos.monitor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The client's commands where no service answers: what it can tell alone, and whom it could not reach. */
class ClientWithoutServiceTest {

    private static String nobody;

    @BeforeAll
    static void aPortNoOneListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = "127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void a_file_with_a_malformed_row_is_refused_by_its_lines_before_the_service_is_asked(@TempDir Path directory)
            throws IOException {
        Path file = Files.writeString(directory.resolve("reports.tsv"), """
                region\tmunicipality\tperiod\tstudents_total
                27\t08701000\t2022-11\t1200\t7
                """);
        Run run = tsos("load", "--server", nobody, file.toString());
        assertEquals(1, run.exitCode());
        assertEquals(file + ": nothing loaded, 1 problem(s):\n  line 2: has 5 cells, the header (line 1) has 4\n",
                run.err());
    }

    @Test
    void a_service_that_does_not_answer_is_named_by_its_address() {
        Run run = tsos("status", "--server", nobody, "--region", "27", "--month", "2022-11");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("the service at " + nobody + " answered UNAVAILABLE: "), run.err());
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run tsos(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Tsos.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }
}
