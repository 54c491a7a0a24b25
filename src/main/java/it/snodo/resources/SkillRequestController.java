package it.snodo.resources;

import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.network.EntityKind;
import it.snodo.network.NetworkReader;
import it.snodo.network.NetworkStore;
import it.snodo.network.RowCache;
import it.snodo.network.SkillRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** CRUD for skill requests: the hours a week a cooperative looks for of a skill. */
@RestController
@RequestMapping("/api/v1/skill-requests")
@Tag(name = "skills and spaces")
class SkillRequestController extends SkillPairController<SkillRequest> {

    SkillRequestController(NetworkStore store, NetworkReader reader, RowCache rows) {
        super(EntityKind.SKILL_REQUEST, store, reader, rows);
    }

    @Override
    String cooperative(SkillRequest row) {
        return row.cooperative();
    }

    @Override
    String skill(SkillRequest row) {
        return row.skill();
    }
}
