package org.actiontriggers.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgChartTest {

    private static final List<SvgChart.Series> LATENCY = List.of(
            new SvgChart.Series("p50", "#2f6fdb", Arrays.asList(10.0, null, 30.0, 40.0)),
            new SvgChart.Series("p99", "#b42318", Arrays.asList(90.0, null, 120.0, 160.0)));

    @Test
    void aLineChartIsWellFormedSvgWithAnAccessibleTitleAndDescription() throws Exception {
        String svg = SvgChart.lines("latency-day", "Latency, last day", " ms", "10:00", "11:00", LATENCY);

        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getAttribute("role")).isEqualTo("img");
        assertThat(doc.getDocumentElement().getAttribute("aria-labelledby"))
                .isEqualTo("latency-day-title latency-day-desc");
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Latency, last day");
        assertThat(doc.getElementsByTagName("desc").item(0).getTextContent())
                .contains("p50: from 10 ms to 40 ms, latest 40 ms (3 of 4 intervals with data)")
                .contains("p99: from 90 ms to 160 ms, latest 160 ms");
    }

    @Test
    void aMissingValueBreaksTheLine() throws Exception {
        Document doc = parse(SvgChart.lines("c", "t", "", "a", "b", LATENCY.subList(0, 1)));
        // 10 alone before the gap is a dot; 30 and 40 after it are a line
        assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(1);
    }

    @Test
    void nothingIsFetchedNorScripted() {
        String svg = SvgChart.lines("c", "t", "", "a", "b", LATENCY)
                + SvgChart.stackedBars("v", "t", "", "a", "b", LATENCY)
                + SvgChart.sparkline("s", "t", List.of(1.0, 2.0), "#000");
        assertThat(svg).doesNotContain("<script", "href", "url(", "@import", "<image", "font-face");
    }

    @Test
    void stackedBarsReachTheSumOfTheirLayersAndSkipZeros() throws Exception {
        List<SvgChart.Series> volume = List.of(
                new SvgChart.Series("succeeded", "#1e7b4b", List.of(3.0, 0.0, 5.0)),
                new SvgChart.Series("failed", "#b42318", List.of(1.0, 0.0, 5.0)));
        String svg = SvgChart.stackedBars("volume", "Attempts", "", "a", "b", volume);
        Document doc = parse(svg);
        // four bars plus the two legend squares
        assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(6);
        // the axis rounds the tallest bar (10) up to a round figure
        assertThat(svg).contains(">10</text>");
    }

    @Test
    void textIsEscaped() throws Exception {
        String svg = SvgChart.sparkline("x\"><script>", "</title><script>alert(1)</script>", List.of(1.0), "red\"");
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("</title><script>alert(1)</script>");
        assertThat(doc.getDocumentElement().getAttribute("id")).isEqualTo("x---script-");
    }

    @Test
    void emptySeriesStillDrawAFrame() throws Exception {
        Document doc = parse(SvgChart.lines(
                "e", "Nothing yet", " ms", "a", "b", List.of(new SvgChart.Series("p50", "#000", List.of()))));
        assertThat(doc.getElementsByTagName("desc").item(0).getTextContent()).contains("p50: no data");
        assertThat(SvgChart.sparkline("s", "none", List.of(), "#000"))
                .startsWith("<svg")
                .endsWith("</svg>");
    }

    @Test
    void axisMaximaAreRoundFigures() {
        assertThat(SvgChart.niceMax(0)).isEqualTo(1);
        assertThat(SvgChart.niceMax(7)).isEqualTo(10);
        assertThat(SvgChart.niceMax(13)).isEqualTo(20);
        assertThat(SvgChart.niceMax(420)).isEqualTo(500);
        assertThat(SvgChart.niceMax(0.3)).isEqualTo(0.5);
        assertThat(SvgChart.amount(2.25)).isEqualTo("2.3");
        assertThat(SvgChart.amount(100)).isEqualTo("100");
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
