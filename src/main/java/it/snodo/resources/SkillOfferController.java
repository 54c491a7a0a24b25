package it.snodo.resources;

import io.swagger.v3.oas.annotations.tags.Tag;
import it.snodo.network.EntityKind;
import it.snodo.network.NetworkReader;
import it.snodo.network.NetworkStore;
import it.snodo.network.RowCache;
import it.snodo.network.SkillOffer;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** CRUD for skill offers: the hours a week a cooperative can lend of a skill. */
@RestController
@RequestMapping("/api/v1/skill-offers")
@Tag(name = "skills and spaces")
class SkillOfferController extends SkillPairController<SkillOffer> {

    SkillOfferController(NetworkStore store, NetworkReader reader, RowCache rows) {
        super(EntityKind.SKILL_OFFER, store, reader, rows);
    }

    @Override
    String cooperative(SkillOffer row) {
        return row.cooperative();
    }

    @Override
    String skill(SkillOffer row) {
        return row.skill();
    }
}
