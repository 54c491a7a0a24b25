package it.snodo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A snapshot's analyses are computed once; a write of needs keeps what reads no needs. */
class EngineSnapshotTest {

    private final Network example = ExampleNetwork.load();
    private final EngineSnapshot engine = EngineSnapshot.of(example);

    @Test
    void eachAnalysisIsComputedOncePerParameters() {
        int t = example.territoriesOfLevel("DISTRICT")[0];
        assertThat(engine.fragility()).isSameAs(engine.fragility());
        assertThat(engine.measures(-1)).isSameAs(engine.measures(-1));
        assertThat(engine.measures(t)).isSameAs(engine.measures(t)).isNotSameAs(engine.measures(-1));
        assertThat(engine.topSynergies(5)).isSameAs(engine.topSynergies(5));
        assertThat(engine.topSynergies(3)).isNotSameAs(engine.topSynergies(5));
        // The scopes are copies of what is kept: a caller may change its copy.
        int[] scope = engine.scope(t);
        scope[0] = -7;
        assertThat(engine.scope(t)).isNotEqualTo(scope);
    }

    @Test
    void theAnalysesAreThoseOfTheAlgorithms() {
        int t = example.territoriesOfLevel("DISTRICT")[0];
        assertThat(engine.measures(t).actors()).isEqualTo(NetworkMeasures.basedIn(example, t).length);
        assertThat(engine.scope(t)).containsExactly(NetworkMeasures.basedIn(example, t));
        assertThat(engine.scopeWithoutConfidential(t))
                .containsExactly(java.util.Arrays.stream(NetworkMeasures.basedIn(example, t))
                        .filter(a -> !example.isConfidentialActor(a))
                        .toArray());
        assertThat(engine.topSynergies(5)).isEqualTo(new ComplementaritySynergies(example).top(5));
        assertThat(engine.fragility())
                .usingRecursiveComparison()
                .isEqualTo(new BiconnectivityFragility().analyze(example));
    }

    @Test
    void aWriteOfNeedsKeepsWhatReadsNoNeeds() {
        FragilityAnalysis.Fragility fragility = engine.fragility();
        NetworkMeasures.Measures measures = engine.measures(-1);
        List<SynergyAlgorithm.Pair> top = engine.topSynergies(5);
        String category = example.categoryCode(0);
        String municipality = example.territoryId(example.territories().municipalities()[0]);

        EngineSnapshot patched =
                engine.withNeeds(2, List.of(new Network.NeedValues("new-need", category, municipality, 40)), List.of());

        assertThat(patched.version()).isEqualTo(2);
        assertThat(patched.network().needCount()).isEqualTo(example.needCount() + 1);
        assertThat(patched.network().services()).isSameAs(example.services());
        assertThat(patched.referrals()).isSameAs(engine.referrals());
        assertThat(patched.paths()).isSameAs(engine.paths());
        assertThat(patched.integratedAnswers()).isSameAs(engine.integratedAnswers());
        assertThat(patched.fragility()).isSameAs(fragility);
        assertThat(patched.measures(-1)).isSameAs(measures);
        // Gaps, what-if and synergies read needs: built again, and the top synergies computed again.
        assertThat(patched.gaps()).isNotSameAs(engine.gaps());
        assertThat(patched.whatIf()).isNotSameAs(engine.whatIf());
        assertThat(patched.synergies()).isNotSameAs(engine.synergies());
        assertThat(patched.topSynergies(5))
                .isNotSameAs(top)
                .isEqualTo(new ComplementaritySynergies(patched.network()).top(5));
        // This snapshot is unchanged.
        assertThat(engine.version()).isEqualTo(1);
        assertThat(engine.network().needCount()).isEqualTo(example.needCount());
        assertThat(engine.topSynergies(5)).isSameAs(top);
    }

    @Test
    void aNeedNamingWhatTheSnapshotDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> engine.withNeeds(
                        2,
                        List.of(new Network.NeedValues(
                                "x",
                                "no-such-category",
                                example.territoryId(example.territories().municipalities()[0]),
                                1)),
                        List.of()))
                .isInstanceOf(UnknownEntity.class);
    }
}
