package com.exampleco.timesheets.webapp.api;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import com.exampleco.timesheets.webapp.config.WebAppProperties;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * The query API, called with the signed-in person's token. What a person may read is the
 * API's decision (an employee their own timesheets, a manager also the team's); this
 * client only asks.
 */
@Component
public class QueryApi {

	private final RestClient client;

	QueryApi(ApiClients clients, WebAppProperties properties) {
		this.client = clients.create("query", properties.queryUri());
	}

	/**
	 * {@code GET /timesheets} with the filters that are set.
	 * @param filter the filters, null fields left out
	 * @param cursor the previous page's {@code nextCursor}, null for the first page
	 * @param limit page size
	 * @return the page, never null
	 * @throws ApiRefusal when the API refuses (e.g. 400 naming {@code cursor})
	 */
	public TimesheetPage list(Filter filter, String cursor, int limit) {
		return this.client.get().uri((uri) -> {
			uri.path("/timesheets");
			optional(uri, "employeeId", filter.employeeId());
			optional(uri, "status", filter.status());
			optional(uri, "from", filter.from());
			optional(uri, "to", filter.to());
			uri.queryParam("limit", limit);
			optional(uri, "cursor", cursor);
			return uri.build();
		}).retrieve().body(TimesheetPage.class);
	}

	/**
	 * {@code GET /timesheets/{id}}.
	 * @param timesheetId the id
	 * @return the timesheet, empty when the API answers 404 (unknown, deleted or not
	 * yours)
	 */
	public Optional<Timesheet> get(UUID timesheetId) {
		return notFoundAsEmpty(
				() -> this.client.get().uri("/timesheets/{id}", timesheetId).retrieve().body(Timesheet.class));
	}

	/**
	 * {@code GET /employees/{id}/summary}.
	 * @param employeeId the employee
	 * @param from first work date, may be null
	 * @param to last work date, may be null
	 * @return the summary, empty when the API answers 404
	 */
	public Optional<Summary> summary(String employeeId, LocalDate from, LocalDate to) {
		return notFoundAsEmpty(() -> this.client.get().uri((uri) -> {
			uri.path("/employees/{id}/summary");
			optional(uri, "from", from);
			optional(uri, "to", to);
			return uri.build(employeeId);
		}).retrieve().body(Summary.class));
	}

	/**
	 * {@code GET /batches/{id}?expectedEvents=N}.
	 * @param batchId the batch
	 * @param expectedEvents how many events the accepted request had
	 * @return the status, empty while the processor has recorded nothing of it (404)
	 */
	public Optional<BatchStatus> batch(UUID batchId, int expectedEvents) {
		return notFoundAsEmpty(() -> this.client.get()
			.uri((uri) -> uri.path("/batches/{id}").queryParam("expectedEvents", expectedEvents).build(batchId))
			.retrieve()
			.body(BatchStatus.class));
	}

	private static void optional(UriBuilder uri, String name, Object value) {
		if (value != null) {
			uri.queryParam(name, value);
		}
	}

	private static <T> Optional<T> notFoundAsEmpty(java.util.function.Supplier<T> call) {
		try {
			return Optional.ofNullable(call.get());
		}
		catch (ApiRefusal ex) {
			if (ex.status() == 404) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/**
	 * Filters of {@code GET /timesheets}; null means "not filtered".
	 *
	 * @param employeeId only this employee
	 * @param status only this status
	 * @param from work date on or after
	 * @param to work date on or before
	 */
	public record Filter(String employeeId, String status, LocalDate from, LocalDate to) {
	}

}
