package it.snodo.hsds;

import it.snodo.web.ApiException;
import it.snodo.web.ProblemType;
import it.snodo.web.Violation;
import java.util.List;

/** An HSDS document refused, every bad record named by its JSON path in the document. */
final class HsdsImportRefused extends ApiException {

    HsdsImportRefused(ProblemType problem, String detail, List<Violation> errors) {
        super(problem, detail, errors);
    }
}
