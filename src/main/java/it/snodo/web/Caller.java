package it.snodo.web;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: the key of the current request, as the security filter found it. Controllers
 * ask it the questions that depend on the data (is this cooperative the caller's own?); the URL
 * rules of each role are in the security configuration.
 *
 * @param keyId the key's id (never its secret)
 * @param cooperative the cooperative a COOPERATIVE key is bound to, else null
 */
public record Caller(String keyId, Role role, String cooperative) {

    /** The caller of the current request; none outside a request (demo loading, tests in-process). */
    public static java.util.Optional<Caller> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Caller c
                ? java.util.Optional.of(c)
                : java.util.Optional.empty();
    }

    /**
     * Refuses unless the caller is a planner or the cooperative {@code owner} itself.
     *
     * @param what what is asked for, for the message ("the service 's1'")
     * @param field the body field or path part that names the owner
     */
    public static void requireOwner(String owner, String what, String field) {
        current().ifPresent(c -> {
            if (c.role() == Role.PLANNER) {
                return;
            }
            if (c.role() != Role.COOPERATIVE || owner == null || !owner.equals(c.cooperative())) {
                throw new ApiException.Forbidden(
                        c.role() == Role.COOPERATIVE
                                ? "A COOPERATIVE key acts only for its own cooperative, '" + c.cooperative() + "': "
                                        + what + " is not its own"
                                : "A " + c.role() + " key may not do this: " + what,
                        c.role() == Role.COOPERATIVE
                                ? List.of(Violation.of(field, "must be '" + c.cooperative() + "' for this key"))
                                : List.of());
            }
        });
    }

    /** Refuses unless the caller is a planner. */
    public static void requirePlanner(String what) {
        current().ifPresent(c -> {
            if (c.role() != Role.PLANNER) {
                throw new ApiException.Forbidden(
                        "Only a PLANNER key may " + what + "; this is a " + c.role() + " key", List.of());
            }
        });
    }
}
