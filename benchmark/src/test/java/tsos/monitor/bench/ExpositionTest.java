package tsos.monitor.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExpositionTest {

    @Test
    void the_series_are_the_lines_that_are_not_comments_and_the_indicators_are_counted_apart() throws IOException {
        String text = """
                # HELP tsos_indicator_actual_percent The share.
                # TYPE tsos_indicator_actual_percent gauge
                tsos_indicator_actual_percent{region="27"} 61.5
                tsos_indicator_plan_percent{region="27"} 70
                tsos_ingestion_batches_total 3
                tsos_indicator_reported{region="27"} 1""";

        Exposition counted = Exposition.count(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));

        assertEquals(new Exposition(4, 3, text.length()), counted);
    }
}
