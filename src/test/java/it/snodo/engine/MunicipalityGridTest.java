package it.snodo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MunicipalityGrid} against a scan of every municipality on seeded random maps: a region,
 * a map across the antimeridian, and one near a pole, at distances from 0 to half the earth.
 */
class MunicipalityGridTest {

    private static final double[] MAX_KM = {0, 0.5, 3, 10, 25, 100, 500, 3000, 20_100};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void givesExactlyTheMunicipalitiesAScanKeeps(long seed) {
        Random random = new Random(seed);
        int count = 1 + random.nextInt(200);
        double lat0 = switch ((int) (seed % 3)) {
            case 0 -> 45;
            case 1 -> -10;
            default -> 88;
        };
        double lon0 = seed % 3 == 1 ? 179 : 9;
        double spread = random.nextDouble() * 4;
        Network.Builder b = Network.builder(1);
        for (int i = 0; i < count; i++) {
            double lat = Math.max(-90, Math.min(90, lat0 + (random.nextDouble() - 0.5) * spread));
            double lon = lon0 + (random.nextDouble() - 0.5) * spread;
            if (lon > 180) {
                lon -= 360;
            }
            // Some share a point with another.
            if (i > 0 && random.nextInt(10) == 0) {
                b.territory(String.format("m%03d", i), "x", Network.MUNICIPALITY, null, lat0, lon0);
            } else {
                b.territory(String.format("m%03d", i), "x", Network.MUNICIPALITY, null, lat, lon);
            }
        }
        Network n = b.build();
        Territories grid = n.territories();
        for (int q = 0; q < 20; q++) {
            int m = random.nextInt(count);
            for (double maxKm : MAX_KM) {
                Map<Integer, Double> expected = new TreeMap<>();
                for (int mun = 0; mun < count; mun++) {
                    double d = mun == m ? 0 : Geo.distanceKm(grid.lat(m), grid.lon(m), grid.lat(mun), grid.lon(mun));
                    if (d <= maxKm) {
                        expected.put(mun, d);
                    }
                }
                Map<Integer, Double> found = new TreeMap<>();
                grid.within(m, maxKm, (mun, d) -> assertThat(found.put(mun, d)).isNull());
                assertThat(found).as("seed %d, m %d, maxKm %s", seed, m, maxKm).isEqualTo(expected);
            }
        }
    }
}
