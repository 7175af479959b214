package dev.loopbench.clientcost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The bystanders' effect on the wave")
class BystanderEffectTest {

    @ParameterizedTest(name = "20 pair ratios {0} +- {1} read: {2}")
    @CsvSource({
        "1.000, 0.010, within 2%",
        "1.005, 0.050, unsure: the interval reaches past 2%",
        "1.100, 0.030, beyond 2%",
        "0.900, 0.030, beyond 2%"
    })
    @DisplayName("the verdict comes from the interval of the median, not the median alone")
    void verdictFromTheInterval(double centre, double spread, String verdict) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ratios.add(centre + spread * (i - 9.5) / 9.5); // evenly from centre - spread to centre + spread
        }
        BystanderEffect.Effect effect = new BystanderEffect.Effect(0, 10, ratios, 2.0, 2.0 * centre);
        assertEquals(verdict, effect.verdict(), "ratios " + ratios + ", interval " + effect.interval());
    }

    @ParameterizedTest(name = "at ms = {0}, {1} waves a block")
    @CsvSource({"0, 10, blocks of 10 waves (the first not counted)", "100, 1, 20 pairs of waves"})
    @DisplayName("the printed line names N, ms, how many pairs of what, the interval and the verdict")
    void printsTheIntervalAndVerdict(int delayMs, int wavesPerBlock, String pairsOfWhat) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ratios.add(1.0 + i / 1000.0);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            BystanderEffect.print(
                    256, List.of(new BystanderEffect.Effect(delayMs, wavesPerBlock, ratios, 2.0, 2.02)), out);
        }
        String line = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(line.contains("N = 256, ms = " + delayMs), line);
        assertTrue(line.contains(pairsOfWhat), line);
        assertTrue(line.contains("95% interval 1.005..1.014: within 2%"), line);
    }
}
