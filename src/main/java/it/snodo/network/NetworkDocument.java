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
        return of(java.util.Map.of(Section.of(row.entityKind()), List.of(row)));
    }

    /** A document of the rows of each section; a section missing is empty. */
    static NetworkDocument of(java.util.Map<Section, ? extends List<? extends Row>> sections) {
        return new NetworkDocument(
                cast(sections.get(Section.TERRITORIES)),
                cast(sections.get(Section.CATEGORIES)),
                cast(sections.get(Section.COOPERATIVES)),
                cast(sections.get(Section.PARTNERS)),
                cast(sections.get(Section.SERVICES)),
                cast(sections.get(Section.NEEDS)),
                cast(sections.get(Section.TIES)));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(List<? extends Row> rows) {
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
        return territories.size()
                + categories.size()
                + cooperatives.size()
                + partners.size()
                + services.size()
                + needs.size()
                + ties.size();
    }
}
