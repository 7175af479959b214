package dev.loopbench.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("An interactive HTML page")
class HtmlReportTest {

    @Test
    @DisplayName("forbids every fetch in its Content-Security-Policy and inlines uPlot from its WebJar")
    void selfContained(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("index.html");
        HtmlReport.write(
                page, "t", "s", List.of(), new HtmlReport.Inline(List.of(Uplot.css()), "{}", List.of(Uplot.script())));
        String html = Files.readString(page);
        assertTrue(html.contains("content=\"" + HtmlReport.CONTENT_SECURITY_POLICY + "\""), html.substring(0, 400));
        assertTrue(
                HtmlReport.CONTENT_SECURITY_POLICY.startsWith("default-src 'none'"),
                HtmlReport.CONTENT_SECURITY_POLICY);
        assertTrue(html.contains("var uPlot") && html.length() > 40_000, "uPlot " + Uplot.version() + " inlined");
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http"), "nothing from the network");
    }

    @Test
    @DisplayName(
            "keeps a </script> inside its JSON data from ending the script element, and refuses a script that holds one")
    void scriptEnds(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("index.html");
        String data = "{\"handler\":\"</script><b>x\"}";
        HtmlReport.write(page, "t", "s", List.of(), new HtmlReport.Inline(List.of(), data, List.of()));
        String html = Files.readString(page);
        assertEquals(1, html.split("</script>", -1).length - 1, "one script element, closed once: " + html);
        assertTrue(html.contains("\\u003c/script>\\u003cb>x"), html);
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> HtmlReport.write(
                        page, "t", "s", List.of(), new HtmlReport.Inline(List.of(), "{}", List.of("'</script>'"))));
        assertTrue(refused.getMessage().contains("</script"), refused.getMessage());
    }
}
