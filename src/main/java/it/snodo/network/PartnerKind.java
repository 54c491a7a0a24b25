package it.snodo.network;

/** What kind of organisation a partner of the network is. */
public enum PartnerKind {
    MUNICIPALITY,
    HEALTH_AGENCY,
    ASSOCIATION,
    VOLUNTEER_GROUP,
    FOUNDATION,
    SCHOOL,
    UNION,
    COMPANY,
    OTHER
}
