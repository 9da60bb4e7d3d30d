package com.exampleco.timesheets.uploader.await;

import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchStatusClientTests {

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void readsTheQueryApisBatchStatus() {
		BatchStatus status = BatchStatusClient.parse(this.json.readTree("""
				{"batchId":"6e66aa77-100a-561d-99d1-44198aa1ebf3","eventsSeen":5,
				 "outcomes":{"APPLIED":3,"UNCHANGED":1,"REJECTED":1,"DUPLICATE":5},
				 "rejections":[{"reason":"timesheet is deleted","count":1}],
				 "rejectedEvents":[],"rejectedEventsTruncated":false,"expectedEvents":5,"complete":true}
				"""), 5);

		assertThat(status.complete()).isTrue();
		assertThat(status.applied()).isEqualTo(3);
		assertThat(status.unchanged()).isEqualTo(1);
		assertThat(status.rejected()).isEqualTo(1);
		assertThat(status.duplicate()).isEqualTo(5);
		assertThat(status.rejectionReasons()).containsEntry("timesheet is deleted", 1L);
	}

	@Test
	void isIncompleteWhileFewerEventsWereSeen() {
		BatchStatus status = BatchStatusClient.parse(this.json.readTree("""
				{"eventsSeen":2,"outcomes":{"APPLIED":2,"UNCHANGED":0,"REJECTED":0,"DUPLICATE":0},
				 "rejections":[],"expectedEvents":5,"complete":false}
				"""), 5);

		assertThat(status.complete()).isFalse();
	}

}
