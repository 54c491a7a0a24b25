package it.snodo.engine;

import java.util.Arrays;

/**
 * The municipalities within a distance of a municipality, as docs/design.md measures it
 * (great-circle km, {@link Geo#distanceKm}; 0 to itself): the one place where "within maxKm" is
 * answered, for referrals and integrated answers alike, asked through {@link Territories#within};
 * it is built with the snapshot's territories, immutable, and shared by the snapshots that differ
 * only in needs.
 *
 * <p>A uniform grid of latitude-longitude cells over the municipalities (J. L. Bentley,
 * J. H. Friedman, "Data structures for range searching", ACM Computing Surveys 11(4), 1979), about
 * {@value #MUNICIPALITIES_PER_CELL} municipalities a cell: only the cells meeting a box that holds
 * every point within the distance are read, and in them the box skips the trigonometry for most
 * municipalities. The box is conservative (latitude: d ≥ R·|Δφ|; longitude, from the haversine
 * formula with both latitudes at most φmax from the equator: sin(d/2R) ≥ cos φmax · sin(|Δλ|/2)),
 * so the answer is exactly the municipalities a scan of all of them would keep.
 */
public final class MunicipalityGrid {

    /** Municipalities per grid cell, about; and at most this many cells along a side. */
    private static final double MUNICIPALITIES_PER_CELL = 2;

    private static final int MAX_CELLS_PER_SIDE = 2048;

    /** What {@link #within} reports each municipality in reach to. */
    @FunctionalInterface
    public interface Visitor {
        /** A municipality within the distance, and its distance in km. */
        void accept(int municipality, double km);
    }

    private final double[] lat;
    private final double[] lon;
    /** The grid: cell (row, col) holds cellMun[cellStart[row * cols + col] ..]. */
    private final double minLat;

    private final double minLon;
    private final double maxLon;
    private final double cellLat;
    private final double cellLon;
    private final int rows;
    private final int cols;
    private final int[] cellStart;
    private final int[] cellMun;

    /** The grid of the given municipalities (territory indices), whose points are lat[m], lon[m]. */
    MunicipalityGrid(int[] muns, double[] lat, double[] lon) {
        this.lat = lat;
        this.lon = lon;
        double loLat = Double.POSITIVE_INFINITY;
        double hiLat = Double.NEGATIVE_INFINITY;
        double loLon = Double.POSITIVE_INFINITY;
        double hiLon = Double.NEGATIVE_INFINITY;
        for (int m : muns) {
            loLat = Math.min(loLat, lat[m]);
            hiLat = Math.max(hiLat, lat[m]);
            loLon = Math.min(loLon, lon[m]);
            hiLon = Math.max(hiLon, lon[m]);
        }
        if (muns.length == 0) {
            loLat = hiLat = loLon = hiLon = 0;
        }
        double side = Math.sqrt((hiLat - loLat) * (hiLon - loLon) * MUNICIPALITIES_PER_CELL / Math.max(1, muns.length));
        rows = side > 0 ? (int) Math.min(MAX_CELLS_PER_SIDE, Math.ceil((hiLat - loLat) / side)) : 1;
        cols = side > 0 ? (int) Math.min(MAX_CELLS_PER_SIDE, Math.ceil((hiLon - loLon) / side)) : 1;
        minLat = loLat;
        minLon = loLon;
        maxLon = hiLon;
        cellLat = hiLat > loLat ? (hiLat - loLat) / rows : 1;
        cellLon = hiLon > loLon ? (hiLon - loLon) / cols : 1;
        cellStart = new int[rows * cols + 1];
        cellMun = new int[muns.length];
        for (int m : muns) {
            cellStart[cell(lat[m], lon[m]) + 1]++;
        }
        for (int c = 0; c < rows * cols; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        int[] cellFill = Arrays.copyOf(cellStart, rows * cols);
        for (int m : muns) {
            cellMun[cellFill[cell(lat[m], lon[m])]++] = m;
        }
    }

    /** The grid cell of a point of the municipalities' box. */
    private int cell(double pointLat, double pointLon) {
        int row = Math.min(rows - 1, (int) ((pointLat - minLat) / cellLat));
        int col = Math.min(cols - 1, (int) ((pointLon - minLon) / cellLon));
        return row * cols + col;
    }

    /**
     * Gives the visitor every municipality within {@code maxKm} of municipality {@code m} (m
     * itself at 0 km), each once, with its distance; in grid order, not by distance.
     */
    public void within(int m, double maxKm, Visitor visitor) {
        double mLat = lat[m];
        double mLon = lon[m];
        double half = maxKm / (2 * Geo.EARTH_RADIUS_KM);
        double dLatMax = Math.toDegrees(2 * half) * 1.000001 + 1e-9;
        double cosMax = Math.cos(Math.toRadians(Math.min(90, Math.abs(mLat) + dLatMax)));
        double dLonMax = half >= Math.PI / 2 || Math.sin(half) >= cosMax
                ? 360
                : Math.toDegrees(2 * Math.asin(Math.sin(half) / cosMax)) * 1.000001 + 1e-9;
        int row0 = (int) Math.max(0, Math.min(rows - 1, Math.floor((mLat - dLatMax - minLat) / cellLat)));
        int row1 = (int) Math.max(0, Math.min(rows - 1, Math.floor((mLat + dLatMax - minLat) / cellLat)));
        // The longitudes within dLonMax of the need's, modulo 360°, as runs of columns.
        int from = 0;
        int to = cols - 1;
        int shift = 0;
        int lastShift = 0;
        if (dLonMax < 180) {
            shift = (int) Math.floor((minLon - (mLon + dLonMax)) / 360);
            lastShift = (int) Math.ceil((maxLon - (mLon - dLonMax)) / 360);
        }
        int done = -1;
        for (; shift <= lastShift; shift++) {
            if (dLonMax < 180) {
                double lo = mLon - dLonMax + 360.0 * shift;
                double hi = mLon + dLonMax + 360.0 * shift;
                if (hi < minLon || lo > maxLon) {
                    continue;
                }
                from = (int) Math.max(done + 1, Math.floor((lo - minLon) / cellLon));
                to = (int) Math.min(cols - 1, Math.floor((hi - minLon) / cellLon));
            }
            for (int row = row0; row <= row1; row++) {
                for (int c = cellStart[row * cols + from]; c < cellStart[row * cols + to + 1]; c++) {
                    int mun = cellMun[c];
                    if (Math.abs(lat[mun] - mLat) > dLatMax) {
                        continue;
                    }
                    double dLon = Math.abs(lon[mun] - mLon);
                    if (Math.min(dLon, 360 - dLon) > dLonMax) {
                        continue;
                    }
                    double d = mun == m ? 0 : Geo.distanceKm(mLat, mLon, lat[mun], lon[mun]);
                    if (d <= maxKm) {
                        visitor.accept(mun, d);
                    }
                }
            }
            done = Math.max(done, to);
        }
    }
}
