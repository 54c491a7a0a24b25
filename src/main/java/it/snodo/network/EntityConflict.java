package it.snodo.network;

import it.snodo.web.ProblemType;
import it.snodo.web.Violation;
import java.util.List;

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
