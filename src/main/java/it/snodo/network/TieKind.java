package it.snodo.network;

/** The kinds of tie between two actors of the network. */
public enum TieKind {
    COLLABORATION,
    CO_DESIGN,
    CONVENTION,
    CONTRACT,
    FUNDING,
    REFERRAL,
    JOINT_TENDER
}
