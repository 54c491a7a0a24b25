package it.snodo.network;

/** The levels of the territory tree, from the smallest up: a territory is part of a larger one. */
public enum TerritoryLevel {
    MUNICIPALITY,
    DISTRICT,
    PROVINCE,
    REGION;

    /** True when a territory of this level may be part of one of {@code parent}'s level. */
    public boolean canBePartOf(TerritoryLevel parent) {
        return parent.ordinal() > ordinal();
    }
}
