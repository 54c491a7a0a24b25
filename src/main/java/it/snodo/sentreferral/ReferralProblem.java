package it.snodo.sentreferral;

import it.snodo.web.Problem;
import it.snodo.web.ProblemType;
import it.snodo.web.Violation;
import java.util.List;

/** A request about sent referrals that is refused, as a problem of the catalogue. */
final class ReferralProblem extends RuntimeException implements Problem {

    private final ProblemType problem;
    private final transient List<Violation> errors;

    private ReferralProblem(ProblemType problem, String detail, List<Violation> errors) {
        super(detail);
        this.problem = problem;
        this.errors = List.copyOf(errors);
    }

    /** 404: no referral with this id, or none this key may see (the same answer: it does not say which). */
    static ReferralProblem notFound(String id) {
        return new ReferralProblem(ProblemType.NOT_FOUND, "No sent referral '" + id + "'", List.of());
    }

    /** 403: the key sees the referral, but its role may not make this move. */
    static ReferralProblem forbidden(String detail) {
        return new ReferralProblem(ProblemType.FORBIDDEN, detail, List.of());
    }

    /** 409: the state machine does not allow the move from the current status. */
    static ReferralProblem wrongStatus(String id, Move move, ReferralStatus now) {
        return new ReferralProblem(
                ProblemType.WRONG_STATUS,
                "The referral '" + id + "' is " + now + ": " + move.path() + " is allowed only from " + move.from(),
                List.of(new Violation("status", now.name(), "must be " + move.from() + " to " + move.path())));
    }

    /** 422: the referral names what does not exist, or a service that does not cover its category. */
    static ReferralProblem broken(List<Violation> errors) {
        return new ReferralProblem(
                ProblemType.BROKEN_GRAPH,
                "The referral names " + (errors.size() == 1 ? "something" : errors.size() + " things")
                        + " the network does not hold as it says; nothing was sent",
                errors);
    }

    @Override
    public ProblemType problem() {
        return problem;
    }

    @Override
    public String detail() {
        return getMessage();
    }

    @Override
    public List<Violation> errors() {
        return errors;
    }
}
