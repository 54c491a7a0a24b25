package it.snodo.web;

import java.util.List;

/**
 * A fact that a module's exception states, answered as a problem detail of the catalogue: the
 * module names the fact, and {@code web} answers it without knowing the module.
 */
public interface Problem {

    /** Its type in the catalogue, which fixes its status and title. */
    ProblemType problem();

    /** What happened, in this case: the problem detail's {@code detail}. */
    String detail();

    /** The fields at fault, if any: the problem detail's {@code errors}. */
    List<Violation> errors();
}
