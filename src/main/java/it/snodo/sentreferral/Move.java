package it.snodo.sentreferral;

import java.util.Locale;

/**
 * A move of the state machine: from which status it may be made, to which it leads, and who may
 * make it. accept, decline, complete and drop answer for the service (its provider's key or a
 * planner); cancel withdraws a referral (the key that sent it or a planner).
 */
public enum Move {
    ACCEPT(ReferralStatus.SENT, ReferralStatus.ACCEPTED, true),
    DECLINE(ReferralStatus.SENT, ReferralStatus.DECLINED, true),
    COMPLETE(ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED, true),
    DROP(ReferralStatus.ACCEPTED, ReferralStatus.DROPPED, true),
    CANCEL(ReferralStatus.SENT, ReferralStatus.CANCELLED, false);

    private final ReferralStatus from;
    private final ReferralStatus to;
    private final boolean byProvider;

    Move(ReferralStatus from, ReferralStatus to, boolean byProvider) {
        this.from = from;
        this.to = to;
        this.byProvider = byProvider;
    }

    /** The one status this move may be made from. */
    public ReferralStatus from() {
        return from;
    }

    public ReferralStatus to() {
        return to;
    }

    /** True for an answer of the service (its provider may make it); false for cancel (its sender may). */
    public boolean byProvider() {
        return byProvider;
    }

    /** True when the move answers the referral: it stamps {@code answeredAt}. */
    public boolean answers() {
        return from == ReferralStatus.SENT && this != CANCEL;
    }

    /** Its name in a URL: {@code accept}. */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }
}
