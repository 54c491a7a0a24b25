package it.snodo.network;

import java.util.BitSet;

/**
 * The confidential services of one snapshot whose place the caller of a request may not know, as
 * {@link ConfidentialPlaces#hiddenIn} finds them. Every answer that orders, filters or sums by
 * place asks this, so that it tells such a caller nothing more than a distance rounded up to the
 * next 5 km: ranked and filtered by that rounded distance, and left out of aggregates finer than a
 * district.
 */
public final class HiddenPlaces {

    static final HiddenPlaces NONE = new HiddenPlaces(new BitSet());

    private final BitSet services;
    private final int count;

    HiddenPlaces(BitSet services) {
        this.services = services;
        this.count = services.cardinality();
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
        return hides(s) ? ConfidentialPlaces.roundedKm(km) : km;
    }
}
