package it.snodo.network;

import it.snodo.web.ProblemType;
import it.snodo.web.Violation;
import java.util.List;

/** What a request names does not exist: "No territory '015182'". */
public final class UnknownEntity extends NetworkProblem {

    public UnknownEntity(String detail, List<Violation> errors) {
        super(detail, errors);
    }

    @Override
    public ProblemType problem() {
        return ProblemType.NOT_FOUND;
    }
}
