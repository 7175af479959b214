package dev.loopbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopbench.matrix.Family;
import dev.loopbench.matrix.Matrix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A family's JMH run")
class FamilyRunsTest {

    @ParameterizedTest(name = "with ''{0}'' after --, the control is given {1} and the other families {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "                      | bystander=none   | no bystander",
                "-p bystander=metrics  | bystander=metrics | bystander=metrics",
                "-p bystander=none     | bystander=none   | bystander=none"
            })
    void sendsBystandersEverywhereButTheControl(String userArgs, String control, String others) throws Exception {
        JmhArguments jmh = JmhArguments.parse(userArgs == null ? List.of() : List.of(userArgs.split(" ")));
        Matrix matrix = Matrix.standard().withControl(Matrix.STANDARD_CONTROL);
        for (Family family : matrix.families()) {
            List<String> arguments = FamilyRuns.jmhArguments(family, jmh, Optional.empty(), Path.of("part.json"));
            List<String> bystanders = bystanderValues(arguments);
            String expected = family.name().equals(Matrix.CONTROL) ? control : others;
            assertEquals(
                    expected.equals("no bystander") ? List.of() : List.of(expected),
                    bystanders,
                    "the " + family.name() + " family with '" + userArgs + "' from the user: " + arguments);
        }
    }

    private static List<String> bystanderValues(List<String> arguments) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i + 1 < arguments.size(); i++) {
            if (arguments.get(i).equals("-p") && arguments.get(i + 1).startsWith("bystander=")) {
                values.add(arguments.get(i + 1));
            }
        }
        return values;
    }
}
