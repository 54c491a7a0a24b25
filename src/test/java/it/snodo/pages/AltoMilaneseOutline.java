package it.snodo.pages;

import it.snodo.network.Territory;
import it.snodo.network.TerritoryLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes the gap map's outline, {@code static/geo/alto-milanese.geojson}, from the municipalities'
 * points alone (their ISTAT town point in {@code data/territories.csv}): no real boundaries are
 * used, so the outline says where each municipality is nearest, not where its border runs.
 *
 * <p>How: the points are projected to a local plane (longitude scaled by the cosine of the
 * mean latitude); the area is the convex hull of 4 km discs around every point; each
 * municipality's cell is its Voronoi cell clipped to that area (the area cut, one bisector after
 * the other, by Sutherland–Hodgman clipping of a convex polygon); and a district border is every
 * cell edge that lies on the bisector of two municipalities of different districts. The cells
 * are features {@code {kind: "municipality", id, name, district}}, the borders features
 * {@code {kind: "border", districts: [a, b]}}. Coordinates are rounded to five decimals (about a
 * metre) so that the file is the same on every machine.
 *
 * <p>{@link GapMapOutlineTest} checks that the committed file is what this makes; run it with
 * {@code -Dsnodo.geo.write=true} to write the file again after the municipalities change.
 */
final class AltoMilaneseOutline {

    /** The radius of the disc around each point that the area's hull wraps, in degrees of latitude. */
    private static final double MARGIN = 0.036;

    private static final int DISC_SIDES = 16;

    private AltoMilaneseOutline() {}

    /** The GeoJSON text of the outline of {@code territories}' municipalities. */
    static String geoJson(List<Territory> territories) {
        List<Territory> towns = territories.stream()
                .filter(t -> t.level() == TerritoryLevel.MUNICIPALITY)
                .sorted(Comparator.comparing(Territory::id))
                .toList();
        if (towns.size() < 3) {
            throw new IllegalArgumentException("An outline needs three municipalities or more");
        }
        double meanLat = towns.stream().mapToDouble(Territory::lat).average().orElseThrow();
        double scale = Math.cos(Math.toRadians(meanLat));
        double[][] points = new double[towns.size()][];
        for (int i = 0; i < points.length; i++) {
            points[i] = new double[] {towns.get(i).lon() * scale, towns.get(i).lat()};
        }
        List<double[]> area = hull(discs(points));

        List<String> features = new ArrayList<>();
        // District pair (in order) to its border segments.
        Map<String, List<double[][]>> borders = new TreeMap<>();
        for (int i = 0; i < points.length; i++) {
            List<Vertex> cell = new ArrayList<>();
            for (double[] p : area) {
                cell.add(new Vertex(p[0], p[1], -1));
            }
            for (int j = 0; j < points.length; j++) {
                if (j != i) {
                    cell = clip(cell, points[i], points[j], j);
                }
            }
            Territory town = towns.get(i);
            features.add(feature(
                    "{\"kind\":\"municipality\",\"id\":" + quote(town.id()) + ",\"name\":" + quote(town.name())
                            + ",\"district\":" + quote(town.partOf()) + "}",
                    "{\"type\":\"Polygon\",\"coordinates\":[" + ring(cell, scale) + "]}"));
            for (int k = 0; k < cell.size(); k++) {
                int j = cell.get(k).edge;
                if (j > i && !towns.get(j).partOf().equals(town.partOf())) {
                    String a = town.partOf();
                    String b = towns.get(j).partOf();
                    String pair = a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
                    Vertex from = cell.get(k);
                    Vertex to = cell.get((k + 1) % cell.size());
                    borders.computeIfAbsent(pair, p -> new ArrayList<>())
                            .add(new double[][] {{from.x, from.y}, {to.x, to.y}});
                }
            }
        }
        for (Map.Entry<String, List<double[][]>> border : borders.entrySet()) {
            String[] pair = border.getKey().split("\\|");
            List<String> lines = new ArrayList<>();
            for (double[][] segment : border.getValue()) {
                lines.add("[" + position(segment[0], scale) + "," + position(segment[1], scale) + "]");
            }
            features.add(feature(
                    "{\"kind\":\"border\",\"districts\":[" + quote(pair[0]) + "," + quote(pair[1]) + "]}",
                    "{\"type\":\"MultiLineString\",\"coordinates\":[" + String.join(",", lines) + "]}"));
        }
        return "{\"type\":\"FeatureCollection\",\n\"features\":[\n" + String.join(",\n", features) + "\n]}\n";
    }

    /** A corner of a convex polygon and the cell whose bisector its outgoing edge lies on (-1: the area's edge). */
    private record Vertex(double x, double y, int edge) {}

    /** Keeps the part of {@code polygon} nearer to {@code p} than to {@code q}; new edges are labelled {@code label}. */
    private static List<Vertex> clip(List<Vertex> polygon, double[] p, double[] q, int label) {
        double nx = q[0] - p[0];
        double ny = q[1] - p[1];
        double c = (nx * (p[0] + q[0]) + ny * (p[1] + q[1])) / 2;
        List<Vertex> out = new ArrayList<>();
        for (int k = 0; k < polygon.size(); k++) {
            Vertex a = polygon.get(k);
            Vertex b = polygon.get((k + 1) % polygon.size());
            double da = nx * a.x + ny * a.y - c;
            double db = nx * b.x + ny * b.y - c;
            boolean aIn = da <= 0;
            boolean bIn = db <= 0;
            if (aIn) {
                out.add(a);
            }
            if (aIn != bIn) {
                double s = da / (da - db);
                double x = a.x + s * (b.x - a.x);
                double y = a.y + s * (b.y - a.y);
                // Leaving the half-plane, the edge from here runs along the bisector; entering, along a's edge.
                out.add(new Vertex(x, y, aIn ? label : a.edge));
            }
        }
        return out;
    }

    private static List<double[]> discs(double[][] points) {
        List<double[]> all = new ArrayList<>();
        for (double[] p : points) {
            for (int k = 0; k < DISC_SIDES; k++) {
                double angle = 2 * Math.PI * k / DISC_SIDES;
                all.add(new double[] {p[0] + MARGIN * Math.cos(angle), p[1] + MARGIN * Math.sin(angle)});
            }
        }
        return all;
    }

    /** Andrew's monotone chain: the convex hull, counter-clockwise. */
    private static List<double[]> hull(List<double[]> points) {
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double[][] h = new double[2 * sorted.size()][];
        int n = 0;
        for (double[] p : sorted) {
            while (n >= 2 && cross(h[n - 2], h[n - 1], p) <= 0) {
                n--;
            }
            h[n++] = p;
        }
        for (int i = sorted.size() - 2, lower = n + 1; i >= 0; i--) {
            double[] p = sorted.get(i);
            while (n >= lower && cross(h[n - 2], h[n - 1], p) <= 0) {
                n--;
            }
            h[n++] = p;
        }
        List<double[]> result = new ArrayList<>();
        for (int i = 0; i < n - 1; i++) {
            result.add(h[i]);
        }
        return result;
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    private static String ring(List<Vertex> polygon, double scale) {
        List<String> positions = new ArrayList<>();
        for (Vertex v : polygon) {
            positions.add(position(new double[] {v.x, v.y}, scale));
        }
        positions.add(positions.get(0));
        return "[" + String.join(",", positions) + "]";
    }

    private static String position(double[] xy, double scale) {
        return String.format(Locale.ROOT, "[%.5f,%.5f]", xy[0] / scale, xy[1]);
    }

    private static String feature(String properties, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":" + geometry + "}";
    }

    private static String quote(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
