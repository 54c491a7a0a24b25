package it.snodo.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.web.ApiException;
import it.snodo.web.Caller;
import it.snodo.web.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the key of the request is: what the pages ask first, to show each role what it may do. */
@RestController
@Tag(name = "keys")
class MeController {

    /**
     * @param keyId the key's id (never its secret)
     * @param cooperative the cooperative of a COOPERATIVE key, else null
     */
    record Me(String keyId, Role role, String cooperative) {}

    @GetMapping("/api/v1/me")
    @Operation(
            summary = "The key of this request: its id, role and cooperative",
            description = "Any valid key may ask. The pages use it to offer each role only what it may do.")
    Me me() {
        Caller c = Caller.current().orElseThrow(() -> new ApiException.NotFound("No key in this request"));
        return new Me(c.keyId(), c.role(), c.cooperative());
    }
}
