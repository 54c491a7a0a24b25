package it.snodo.network;

import it.snodo.web.Problem;
import it.snodo.web.ProblemType;
import it.snodo.web.Violation;
import java.util.List;

/**
 * A request the network refuses (a write it cannot make, an entity that is not there), and why: the
 * web layer answers it as the problem detail of its type.
 */
abstract sealed class NetworkProblem extends RuntimeException implements Problem
        permits UnknownEntity, EntityConflict, BrokenGraph, StaleRevision, InvalidRows {

    private final transient List<Violation> errors;

    NetworkProblem(String detail, List<Violation> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    @Override
    public abstract ProblemType problem();

    @Override
    public String detail() {
        return getMessage();
    }

    @Override
    public List<Violation> errors() {
        return errors;
    }
}
