package it.snodo.network;

import it.snodo.web.ProblemType;
import it.snodo.web.Violation;
import java.util.List;

/** The If-Match of a replace names a revision that the entity is no longer at. */
final class StaleRevision extends NetworkProblem {

    StaleRevision(String detail, List<Violation> errors) {
        super(detail, errors);
    }

    @Override
    public ProblemType problem() {
        return ProblemType.PRECONDITION_FAILED;
    }
}
