package it.snodo.network;

import it.snodo.web.ProblemType;
import it.snodo.web.Violation;
import java.util.List;

/** A write would break the graph: a reference that leads nowhere, a cycle, a level too small. */
final class BrokenGraph extends NetworkProblem {

    BrokenGraph(String detail, List<Violation> errors) {
        super(detail, errors);
    }

    @Override
    public ProblemType problem() {
        return ProblemType.BROKEN_GRAPH;
    }
}
