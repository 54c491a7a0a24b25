package it.snodo.network;

import java.util.List;

/**
 * The whole network, or a part of it, as one document: what import takes and export gives.
 * Missing sections are empty.
 */
public record NetworkDocument(
        List<Territory> territories,
        List<Category> categories,
        List<Cooperative> cooperatives,
        List<Partner> partners,
        List<Service> services,
        List<Need> needs,
        List<Tie> ties) {

    public NetworkDocument {
        territories = territories == null ? List.of() : List.copyOf(territories);
        categories = categories == null ? List.of() : List.copyOf(categories);
        cooperatives = cooperatives == null ? List.of() : List.copyOf(cooperatives);
        partners = partners == null ? List.of() : List.copyOf(partners);
        services = services == null ? List.of() : List.copyOf(services);
        needs = needs == null ? List.of() : List.copyOf(needs);
        ties = ties == null ? List.of() : List.copyOf(ties);
    }

    public static NetworkDocument empty() {
        return new NetworkDocument(null, null, null, null, null, null, null);
    }

    /** A document of one row. */
    public static NetworkDocument of(Row row) {
        List<Row> one = List.of(row);
        return new NetworkDocument(
                row instanceof Territory ? cast(one) : null, row instanceof Category ? cast(one) : null,
                row instanceof Cooperative ? cast(one) : null, row instanceof Partner ? cast(one) : null,
                row instanceof Service ? cast(one) : null, row instanceof Need ? cast(one) : null,
                row instanceof Tie ? cast(one) : null);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(List<Row> rows) {
        return (List<T>) rows;
    }

    /** How many rows of each section, in document order. */
    public java.util.Map<String, Integer> counts() {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        counts.put("territories", territories.size());
        counts.put("categories", categories.size());
        counts.put("cooperatives", cooperatives.size());
        counts.put("partners", partners.size());
        counts.put("services", services.size());
        counts.put("needs", needs.size());
        counts.put("ties", ties.size());
        return counts;
    }

    public int size() {
        return territories.size() + categories.size() + cooperatives.size() + partners.size() + services.size()
                + needs.size() + ties.size();
    }
}
