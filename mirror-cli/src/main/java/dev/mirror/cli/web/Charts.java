package dev.mirror.cli.web;

import dev.mirror.api.protocol.CycleReport;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Server-side SVG line charts of the kept cycles (rows per second, cycle duration): no script, no CDN, nothing fetched
 * by the browser. Colours and fonts come from the page's style sheet through classes.
 */
final class Charts {
    static final int WIDTH = 560;
    static final int HEIGHT = 170;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 14;
    private static final int BOTTOM = 26;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Charts() {
    }

    /** Rows applied (inserts + updates + deletes) per second of the cycle's duration. */
    static double rowsPerSecond(CycleReport r) {
        long rows = r.totals().inserts() + r.totals().updates() + r.totals().deletes();
        double seconds = Math.max(r.duration().toMillis(), 1) / 1000.0;
        return Math.round(rows / seconds * 10) / 10.0;
    }

    static String rowsPerSecond(List<CycleReport> cycles) {
        return chart("chart-rows", "rows per second", "rows/s", cycles, Charts::rowsPerSecond);
    }

    static String duration(List<CycleReport> cycles) {
        return chart("chart-duration", "cycle duration (seconds)", "s", cycles, r -> r.duration().toMillis() / 1000.0);
    }

    private static String chart(String id, String title, String unit, List<CycleReport> cycles, ToDoubleFunction<CycleReport> value) {
        StringBuilder b = new StringBuilder();
        b.append("<svg id=\"").append(id).append("\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(Html.escape(title))
                .append("\">");
        b.append("<title>").append(Html.escape(title)).append("</title>");
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        b.append("<rect class=\"plot\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(plotW)
                .append("\" height=\"").append(plotH).append("\"/>");
        if (cycles.isEmpty()) {
            b.append("<text class=\"empty\" x=\"").append(LEFT + plotW / 2).append("\" y=\"").append(TOP + plotH / 2)
                    .append("\" text-anchor=\"middle\">no cycle yet</text></svg>");
            return b.toString();
        }
        double max = 0;
        for (CycleReport r : cycles) {
            max = Math.max(max, value.applyAsDouble(r));
        }
        max = niceCeiling(max);
        for (int i = 0; i <= 2; i++) { // grid lines at 0, half and the top, labelled
            double v = max * i / 2;
            double y = TOP + plotH - plotH * i / 2.0;
            b.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotW).append("\" y1=\"")
                    .append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>");
            b.append("<text class=\"axis\" x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">").append(Html.escape(label(v))).append("</text>");
        }
        b.append("<text class=\"axis unit\" x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + plotH + 18)
                .append("\" text-anchor=\"end\">").append(Html.escape(unit)).append("</text>");
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        int n = cycles.size();
        for (int i = 0; i < n; i++) {
            CycleReport r = cycles.get(i);
            double v = value.applyAsDouble(r);
            double x = LEFT + (n == 1 ? plotW / 2.0 : plotW * i / (double) (n - 1));
            double y = TOP + plotH - (max == 0 ? 0 : plotH * v / max);
            points.append(i == 0 ? "" : " ").append(fmt(x)).append(',').append(fmt(y));
            dots.append("<circle class=\"dot").append(r.failures().isEmpty() ? "" : " failed").append("\" cx=\"").append(fmt(x))
                    .append("\" cy=\"").append(fmt(y)).append("\" r=\"3\"><title>")
                    .append(Html.escape(r.contextId() + " " + TIME.format(r.finished()) + "Z: " + label(v) + " " + unit))
                    .append("</title></circle>");
        }
        b.append("<polyline class=\"line\" points=\"").append(points).append("\"/>").append(dots);
        b.append("<text class=\"axis\" x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 6).append("\">")
                .append(TIME.format(cycles.get(0).finished())).append("</text>");
        b.append("<text class=\"axis\" x=\"").append(LEFT + plotW).append("\" y=\"").append(HEIGHT - 6)
                .append("\" text-anchor=\"end\">").append(TIME.format(cycles.get(n - 1).finished())).append(" UTC</text>");
        return b.append("</svg>").toString();
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v} (and at least 1, so an idle chart has a scale). */
    static double niceCeiling(double v) {
        if (v <= 1) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String label(double v) {
        if (v >= 10_000) {
            return String.format(Locale.ROOT, "%.0fk", v / 1000);
        }
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
