package com.exampleco.timesheets.bench;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GroupSizesTests {

	@Test
	void readsTheSummaryFromTheActuatorsMetricsEndpoint() {
		GroupSizes.Reading reading = GroupSizes.fromActuator(
				"""
						{"name":"timesheets.ingest.publish.group.size","baseUnit":null,"measurements":[
						{"statistic":"COUNT","value":120.0},{"statistic":"TOTAL","value":480.0},{"statistic":"MAX","value":9.0}],
						"availableTags":[]}""");
		assertThat(reading).isEqualTo(new GroupSizes.Reading(GroupSizes.METRIC, 120, 480, 9));
	}

	@Test
	void readsTheSummaryFromPrometheusText() {
		String text = """
				# HELP timesheets_ingest_publish_requests Requests committed together in one Kafka transaction
				# TYPE timesheets_ingest_publish_requests summary
				timesheets_ingest_publish_requests_count{application="ingest-api"} 200
				timesheets_ingest_publish_requests_sum{application="ingest-api"} 700.0
				# TYPE timesheets_ingest_publish_requests_max gauge
				timesheets_ingest_publish_requests_max{application="ingest-api"} 12.0
				timesheets_ingest_publish_seconds_count{application="ingest-api"} 999
				""";
		assertThat(GroupSizes.fromPrometheus(text, GroupSizes.METRIC)).isEmpty();
		assertThat(GroupSizes.fromPrometheus(text, GroupSizes.OLDER_METRIC))
			.contains(new GroupSizes.Reading(GroupSizes.OLDER_METRIC, 200, 700, 12));
	}

	@Test
	void meanGroupSizeOfAPhaseIsTheDifferenceOfTwoReadings() {
		Map<String, Object> between = GroupSizes.between(
				Optional.of(new GroupSizes.Reading(GroupSizes.METRIC, 100, 150, 3)),
				Optional.of(new GroupSizes.Reading(GroupSizes.METRIC, 300, 950, 7)), 100);
		assertThat(between).containsEntry("transactions", 200L)
			.containsEntry("meanRequestsPerTransaction", 4.0)
			.containsEntry("meanEntriesPerTransaction", 400.0)
			.containsEntry("recentMaxRequestsPerTransaction", 7.0);
		assertThat(GroupSizes.mean(between)).isEqualTo(4.0);
	}

	@Test
	void notExposedIsSaidAndHasNoMean() {
		Map<String, Object> between = GroupSizes.between(Optional.empty(), Optional.empty(), 100);
		assertThat(between).containsEntry("exposed", false);
		assertThat(GroupSizes.mean(between)).isNaN();
	}

}
