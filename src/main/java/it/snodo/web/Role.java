package it.snodo.web;

/** What a key may do. */
public enum Role {
    /** Everything, including keys. */
    PLANNER,
    /** Reads the network and every analysis; writes only its own cooperative, its services and ties from it. */
    COOPERATIVE,
    /**
     * A welfare help desk: reads what a READER reads, records needs (create and replace), sends
     * referrals, cancels its own and follows what became of the referrals it sent.
     */
    HELP_DESK,
    /** An API consumer: referrals, paths, gaps and the public directory; no writes. */
    READER
}
