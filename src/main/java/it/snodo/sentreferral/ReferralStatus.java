package it.snodo.sentreferral;

/** Where a sent referral stands. COMPLETED, DROPPED, DECLINED and CANCELLED are closed: no move leaves them. */
public enum ReferralStatus {
    SENT,
    ACCEPTED,
    COMPLETED,
    DROPPED,
    DECLINED,
    CANCELLED;

    /** True for a status no move leaves. */
    public boolean closed() {
        return this != SENT && this != ACCEPTED;
    }
}
