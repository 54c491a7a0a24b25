package it.snodo.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.network.Ids;
import it.snodo.web.ApiException;
import it.snodo.web.PlainText;
import it.snodo.web.Role;
import it.snodo.web.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Keys, for planners: make one (its secret is shown once), list them, read one, delete one. */
@RestController
@RequestMapping("/api/v1/keys")
@Tag(name = "keys", description = "API keys and their roles (PLANNER only)")
class KeyController {

    @PlainText
    record NewKey(
            @NotNull Role role,

            @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE)
            String cooperative,

            @NotBlank @Size(max = 200) String label) {}

    record CreatedKey(String id, String key, Role role, String cooperative, String label) {}

    private final ApiKeys keys;

    KeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @PostMapping
    @Operation(
            summary = "Make a key; the answer holds its secret, which is stored only as a hash and never shown again")
    ResponseEntity<CreatedKey> create(@Valid @RequestBody NewKey body) {
        List<Violation> errors = new ArrayList<>();
        if (body.role() == Role.COOPERATIVE && body.cooperative() == null) {
            errors.add(Violation.of("cooperative", "is needed for a COOPERATIVE key: the cooperative it acts for"));
        }
        if (body.role() != Role.COOPERATIVE && body.cooperative() != null) {
            errors.add(Violation.of("cooperative", "only a COOPERATIVE key is bound to a cooperative"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.InvalidInput("The key asked for is not valid", errors);
        }
        ApiKeys.Created made = keys.create(body.role(), body.cooperative(), body.label());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(made.key().id())
                .toUri();
        return ResponseEntity.created(location)
                .body(new CreatedKey(
                        made.key().id(),
                        made.secret(),
                        made.key().role(),
                        made.key().cooperative(),
                        made.key().label()));
    }

    @GetMapping
    @Operation(summary = "Every key, without secrets")
    List<ApiKeys.ApiKey> list() {
        return keys.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One key, without its secret")
    ApiKeys.ApiKey get(@PathVariable String id) {
        return keys.get(id).orElseThrow(() -> new ApiException.NotFound("No key '" + id + "'"));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a key: refused from the next request on (409 for the last PLANNER key)")
    ResponseEntity<Void> delete(@PathVariable String id) {
        keys.delete(id);
        return ResponseEntity.noContent().build();
    }
}
