package it.snodo.view;

import it.snodo.engine.Network;
import it.snodo.network.Partner;
import it.snodo.network.Service;
import it.snodo.web.ApiException;
import it.snodo.web.Caller;
import it.snodo.web.Role;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one policy on confidential places (a shelter for women at risk of violence), for one caller:
 * who may know where they are, and what everyone else is shown instead. A planner, and code
 * running outside a request, may know where every place is; a cooperative, where the places it
 * runs are; nobody but a planner, where a confidential partner is based. Every answer that shows,
 * filters, orders or sums by place asks this object — the lists directly, the analyses through
 * {@link #hiddenIn}, the policy applied to one snapshot — so that the rule (docs/design.md,
 * "Confidential places") is written once.
 */
public final class ConfidentialPlaces {

    private final Caller caller;

    private ConfidentialPlaces(Caller caller) {
        this.caller = caller;
    }

    /** The policy for the caller of the current request. */
    public static ConfidentialPlaces forCurrentCaller() {
        return of(Caller.current());
    }

    /** The policy for a caller; none is code running outside a request. */
    static ConfidentialPlaces of(Optional<Caller> caller) {
        return new ConfidentialPlaces(caller.orElse(null));
    }

    /** True when the caller may know where every place is: a planner, or code outside a request. */
    public boolean seesAll() {
        return caller == null || caller.role() == Role.PLANNER;
    }

    /** True when the caller may know where a place run by {@code owner} (an actor's id) is. */
    public boolean seesWhere(String owner) {
        return seesAll() || caller.role() == Role.COOPERATIVE && owner != null && owner.equals(caller.cooperative());
    }

    /**
     * The value of the {@link it.snodo.network.NetworkReader#SHOWN_TO} filter for a list filtered by place: null
     * when the caller sees every place, else the cooperative whose own places it may see ("" for
     * none).
     */
    public String shownTo() {
        return seesAll() ? null : caller.cooperative() == null ? "" : caller.cooperative();
    }

    /**
     * A service as the caller is shown it: without its territories when it is confidential, or its
     * provider is one of {@code confidentialPartners}, and the caller may not know where it is.
     */
    public Service shown(Service s, Set<String> confidentialPartners) {
        boolean confidential = Boolean.TRUE.equals(s.confidential()) || confidentialPartners.contains(s.provider());
        return confidential && !seesWhere(s.provider())
                ? new Service(
                        s.id(), s.name(), s.provider(), s.categories(), List.of(), s.capacity(), s.occupied(), true)
                : s;
    }

    /** A partner as the caller is shown it: a confidential one without its base, but to planners. */
    public Partner shown(Partner p) {
        return Boolean.TRUE.equals(p.confidential()) && !seesAll()
                ? new Partner(p.id(), p.name(), p.kind(), null, true)
                : p;
    }

    /**
     * Refuses (403) unless the caller may know where every place is: for answers that count every
     * place, such as the best pairs of the whole network.
     *
     * @param what what is asked for, for the message ("ask for the best pairs of the whole network")
     */
    public void requireSeesAll(String what) {
        if (!seesAll()) {
            throw new ApiException.Forbidden(
                    "Only a PLANNER key may " + what + "; this is a " + caller.role() + " key", List.of());
        }
    }

    /**
     * This policy on snapshot {@code n}: the services whose place the caller may not know (none for
     * a planner), and how every analysis answers around them.
     */
    public HiddenPlaces hiddenIn(Network n) {
        BitSet hidden = new BitSet();
        if (!seesAll()) {
            for (int s : n.confidentialServices()) {
                if (!seesWhere(n.actorId(n.provider(s)))) {
                    hidden.set(s);
                }
            }
        }
        return new HiddenPlaces(this, n, hidden);
    }

    /**
     * A hidden place's distance as the caller is shown it: rounded up to the next 5 km, and at
     * least 5. Never less than {@code km}.
     */
    static double roundedKm(double km) {
        return Math.max(5, Math.ceil(km / 5) * 5);
    }
}
