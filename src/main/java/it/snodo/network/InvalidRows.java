package it.snodo.network;

import it.snodo.web.ProblemType;
import it.snodo.web.Violation;
import java.util.List;

/** Rows of a document are not valid on their own, whatever the network holds. */
final class InvalidRows extends NetworkProblem {

    InvalidRows(String detail, List<Violation> errors) {
        super(detail, errors);
    }

    @Override
    public ProblemType problem() {
        return ProblemType.INVALID_INPUT;
    }
}
