package com.exampleco.timesheets.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EndToEndPhaseTests {

	@Test
	void planClimbsTheLadderWithTheFixedLevelsInAscendingOrder() {
		assertThat(EndToEndPhase.plan(List.of(2000, 5000, 10_000), 2000, 14_000)).containsExactly(2000, 4000, 5000,
				6000, 8000, 10_000, 12_000, 14_000);
	}

	@Test
	void planKeepsFixedLevelsAboveTheTop() {
		assertThat(EndToEndPhase.plan(List.of(1000), 1000, 3000)).containsExactly(1000, 2000, 3000);
		assertThat(EndToEndPhase.plan(List.of(10_000), 4000, 8000)).containsExactly(4000, 8000, 10_000);
	}

	@Test
	void aLevelKeepsTheBoundOnlyWithP99Within500MsEveryProbeSeenAndTheOfferAccepted() {
		assertThat(EndToEndPhase.keeps(500, 0, 10_000, 10_000)).isTrue();
		assertThat(EndToEndPhase.keeps(501, 0, 10_000, 10_000)).isFalse();
		assertThat(EndToEndPhase.keeps(100, 1, 10_000, 10_000)).isFalse();
		assertThat(EndToEndPhase.keeps(100, 0, 9_400, 10_000)).isFalse();
		assertThat(EndToEndPhase.keeps(100, 0, 9_500, 10_000)).isTrue();
	}

}
