package it.snodo.sentreferral;

/** Why a service turned a referral down: a closed list, never free text about a person. */
public enum DeclineReason {
    /** No free place. */
    FULL,
    /** The household is not one the service may take. */
    NOT_ELIGIBLE,
    /** The household lives outside the area the service serves. */
    OUT_OF_AREA,
    OTHER
}
