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
        List<Tie> ties,
        List<Skill> skills,
        List<SkillOffer> skillOffers,
        List<SkillRequest> skillRequests,
        List<Space> spaces) {

    public NetworkDocument {
        territories = territories == null ? List.of() : List.copyOf(territories);
        categories = categories == null ? List.of() : List.copyOf(categories);
        cooperatives = cooperatives == null ? List.of() : List.copyOf(cooperatives);
        partners = partners == null ? List.of() : List.copyOf(partners);
        services = services == null ? List.of() : List.copyOf(services);
        needs = needs == null ? List.of() : List.copyOf(needs);
        ties = ties == null ? List.of() : List.copyOf(ties);
        skills = skills == null ? List.of() : List.copyOf(skills);
        skillOffers = skillOffers == null ? List.of() : List.copyOf(skillOffers);
        skillRequests = skillRequests == null ? List.of() : List.copyOf(skillRequests);
        spaces = spaces == null ? List.of() : List.copyOf(spaces);
    }

    /** A document without skills or spaces. */
    public NetworkDocument(
            List<Territory> territories,
            List<Category> categories,
            List<Cooperative> cooperatives,
            List<Partner> partners,
            List<Service> services,
            List<Need> needs,
            List<Tie> ties) {
        this(territories, categories, cooperatives, partners, services, needs, ties, null, null, null, null);
    }

    public static NetworkDocument empty() {
        return of(java.util.Map.of());
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
                cast(sections.get(Section.TIES)),
                cast(sections.get(Section.SKILLS)),
                cast(sections.get(Section.SKILL_OFFERS)),
                cast(sections.get(Section.SKILL_REQUESTS)),
                cast(sections.get(Section.SPACES)));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(List<? extends Row> rows) {
        return (List<T>) rows;
    }

    /** How many rows of each section, in document order. */
    public java.util.Map<String, Integer> counts() {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (Section section : Section.values()) {
            counts.put(section.json, section.rows(this).size());
        }
        return counts;
    }

    public int size() {
        int size = 0;
        for (Section section : Section.values()) {
            size += section.rows(this).size();
        }
        return size;
    }
}
