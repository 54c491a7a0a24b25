package it.snodo.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.snodo.allocation.MinimumCostFlow.Arc;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flow on tiny networks worked by hand. */
class MinimumCostFlowTest {

    @Test
    void theCheapPathTakesWhatItsCapacityAllows() {
        // 2 units from 0 to 2: through 1 at cost 5 (capacity 1), or straight at cost 1000.
        long[] flows = MinimumCostFlow.flows(
                new int[] {2, 0, -2},
                List.of(
                        new Arc(0, 1, MinimumCostFlow.UNBOUNDED, 5),
                        new Arc(0, 2, MinimumCostFlow.UNBOUNDED, 1000),
                        new Arc(1, 2, 1, 0)));
        assertThat(flows).containsExactly(1, 1, 1);
    }

    @Test
    void suppliesMustBalanceAndCostsStayBelowJGraphTsInfinity() {
        assertThatThrownBy(() -> MinimumCostFlow.flows(new int[] {1, 0}, List.of(new Arc(0, 1, 1, 0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Arc(0, 1, 1, MinimumCostFlow.MAX_COST + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MinimumCostFlow.flows(new int[] {1, -1}, List.of(new Arc(0, 1, 0, 0))))
                .isInstanceOf(IllegalStateException.class);
    }
}
