package com.exampleco.timesheets.events;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class TimesheetIdsTests {

	private static final UUID DNS_NAMESPACE = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

	// Expected values below were computed independently with Python's uuid.uuid5.

	@Test
	void nameBasedMatchesTheRfc9562TestVector() {
		assertThat(TimesheetIds.nameBased(DNS_NAMESPACE, "www.example.com"))
			.isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
	}

	@Test
	void nameBasedSetsVersionFiveAndTheRfcVariant() {
		UUID id = TimesheetIds.nameBased(DNS_NAMESPACE, "anything at all");
		assertThat(id.version()).isEqualTo(5);
		assertThat(id.variant()).isEqualTo(2);
	}

	@Test
	void namespacesAreVersionFiveIdsOfTheirUrls() {
		assertThat(TimesheetIds.TIMESHEET_NAMESPACE).isEqualTo(UUID.fromString("5810b3ad-b44a-5d0b-9453-cf11583bdd16"));
		assertThat(TimesheetIds.BATCH_NAMESPACE).isEqualTo(UUID.fromString("ee6b9f65-9ad4-5dc1-9c21-b1c45a3110e1"));
		assertThat(TimesheetIds.EVENT_NAMESPACE).isEqualTo(UUID.fromString("02ca2922-2bfc-513a-a6a8-a158f5734191"));
	}

	@Test
	void timesheetIdFollowsTheDocumentedDerivation() {
		assertThat(TimesheetIds.timesheetId("uploader-client", "ROW-42"))
			.isEqualTo(UUID.fromString("9a298b03-6ed7-5962-bb4b-3e3a0f40d8cf"));
		assertThat(TimesheetIds.timesheetId("clïent", "Zeile-ä"))
			.isEqualTo(UUID.fromString("5d4b4fc7-db2e-51fd-b86d-22ae716e792a"));
	}

	@Test
	void batchIdAndEventIdFollowTheDocumentedDerivation() {
		UUID batchId = TimesheetIds.batchId("uploader-client", "key-1");
		assertThat(batchId).isEqualTo(UUID.fromString("6e66aa77-100a-561d-99d1-44198aa1ebf3"));
		assertThat(TimesheetIds.eventId(batchId, 3)).isEqualTo(UUID.fromString("e42b7871-ddbd-5517-b56c-f000463566a6"));
	}

	@Test
	void sameClientAndExternalIdNameTheSameTimesheet() {
		assertThat(TimesheetIds.timesheetId("client-a", "ROW-1"))
			.isEqualTo(TimesheetIds.timesheetId("client-a", "ROW-1"));
	}

	@ParameterizedTest
	@CsvSource({ "client-a, ROW-1, client-b, ROW-1", "client-a, ROW-1, client-a, ROW-2", "ab, c, a, bc", "a, bc, ab, c",
			"a:1, x, a, 1:x" })
	void differentClientOrExternalIdNameDifferentTimesheets(String client1, String external1, String client2,
			String external2) {
		assertThat(TimesheetIds.timesheetId(client1, external1))
			.isNotEqualTo(TimesheetIds.timesheetId(client2, external2));
	}

	@Test
	void timesheetIdsAreVersionFive() {
		UUID id = TimesheetIds.timesheetId("client-a", "ROW-1");
		assertThat(id.version()).isEqualTo(5);
		assertThat(id.variant()).isEqualTo(2);
	}

	@Test
	void sameClientAndKeyNameTheSameBatch() {
		assertThat(TimesheetIds.batchId("client-a", "key-1")).isEqualTo(TimesheetIds.batchId("client-a", "key-1"));
	}

	@ParameterizedTest
	@CsvSource({ "client-a, key-1, client-b, key-1", "client-a, key-1, client-a, key-2", "ab, c, a, bc" })
	void differentClientOrKeyNameDifferentBatches(String client1, String key1, String client2, String key2) {
		assertThat(TimesheetIds.batchId(client1, key1)).isNotEqualTo(TimesheetIds.batchId(client2, key2));
	}

	@Test
	void batchAndTimesheetIdsOfTheSamePairDiffer() {
		assertThat(TimesheetIds.batchId("client-a", "x")).isNotEqualTo(TimesheetIds.timesheetId("client-a", "x"));
	}

	@Test
	void sameBatchAndPositionNameTheSameEvent() {
		UUID batchId = TimesheetIds.batchId("client-a", "key-1");
		assertThat(TimesheetIds.eventId(batchId, 0)).isEqualTo(TimesheetIds.eventId(batchId, 0));
	}

	@Test
	void differentPositionOrBatchNameDifferentEvents() {
		UUID batch1 = TimesheetIds.batchId("client-a", "key-1");
		UUID batch2 = TimesheetIds.batchId("client-a", "key-2");
		assertThat(TimesheetIds.eventId(batch1, 0)).isNotEqualTo(TimesheetIds.eventId(batch1, 1))
			.isNotEqualTo(TimesheetIds.eventId(batch2, 0));
		assertThat(TimesheetIds.eventId(batch1, 1)).isNotEqualTo(TimesheetIds.eventId(batch1, 10));
	}

	@Test
	void refusesNegativePosition() {
		UUID batchId = TimesheetIds.batchId("client-a", "key-1");
		assertThatIllegalArgumentException().isThrownBy(() -> TimesheetIds.eventId(batchId, -1))
			.withMessageContaining("position");
	}

	@Test
	void refusesNullParts() {
		assertThatNullPointerException().isThrownBy(() -> TimesheetIds.timesheetId(null, "ROW-1"));
		assertThatNullPointerException().isThrownBy(() -> TimesheetIds.timesheetId("client-a", null));
		assertThatNullPointerException().isThrownBy(() -> TimesheetIds.batchId("client-a", null));
		assertThatNullPointerException().isThrownBy(() -> TimesheetIds.eventId(null, 0));
	}

}
