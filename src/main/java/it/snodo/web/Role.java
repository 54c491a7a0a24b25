package it.snodo.web;

/** What a key may do. */
public enum Role {
    /** Everything, including keys. */
    PLANNER,
    /** Reads the network and every analysis; writes only its own cooperative, its services and ties from it. */
    COOPERATIVE,
    /** An API consumer or help desk: referrals, paths, gaps and the public directory; no writes. */
    READER
}
