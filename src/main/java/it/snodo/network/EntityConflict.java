package it.snodo.network;

import java.util.List;

import it.snodo.web.ProblemType;
import it.snodo.web.Violation;

/** A write collides with what exists: an id taken by something else, an entity still in use. */
final class EntityConflict extends NetworkProblem {

    EntityConflict(String detail, List<Violation> errors) {
        super(detail, errors);
    }

    @Override
    public ProblemType problem() {
        return ProblemType.CONFLICT;
    }
}
