package it.snodo.network;

import java.util.BitSet;

import it.snodo.engine.Network;
import it.snodo.web.Caller;

/**
 * The confidential services whose place the caller of the current request may not know: those
 * of a snapshot that are confidential (or whose provider is) and that the caller may not see
 * ({@link Caller#seesConfidential}: not a planner, not the cooperative that runs it). Every answer
 * that orders, filters or sums by place asks this, so that it tells such a caller nothing more
 * than a distance rounded up to the next 5 km: ranked and filtered by that rounded distance, and
 * left out of aggregates finer than a district.
 */
public final class HiddenPlaces {

    private static final HiddenPlaces NONE = new HiddenPlaces(new BitSet(), 0);

    private final BitSet services;
    private final int count;

    private HiddenPlaces(BitSet services, int count) {
        this.services = services;
        this.count = count;
    }

    /** The services of {@code n} hidden from the current caller; none for a planner. */
    public static HiddenPlaces of(Network n) {
        int[] confidential = n.confidentialServices();
        if (confidential.length == 0 || Caller.seesConfidential(null)) {
            return NONE;
        }
        BitSet hidden = new BitSet(n.serviceCount());
        for (int s : confidential) {
            if (!Caller.seesConfidential(n.actorId(n.provider(s)))) {
                hidden.set(s);
            }
        }
        return new HiddenPlaces(hidden, hidden.cardinality());
    }

    /** True when some service is hidden from the caller. */
    public boolean any() {
        return count > 0;
    }

    /** How many services are hidden from the caller. */
    public int count() {
        return count;
    }

    /** True when the caller may not know where service {@code s} is. */
    public boolean hides(int s) {
        return services.get(s);
    }

    /**
     * The distance to service {@code s} as the caller is shown it: rounded up to the next 5 km (at
     * least 5) when the service is hidden, else as it is. Never less than {@code km}.
     */
    public double shownKm(int s, double km) {
        return hides(s) ? Caller.confidentialKm(km) : km;
    }
}
