package com.exampleco.timesheets.ingest.approval;

import java.util.List;
import java.util.Map;

import com.exampleco.timesheets.ingest.web.RefusedRequestException;

import org.springframework.http.HttpStatus;

/**
 * An approval or rejection breaks a rule on one field (a comment too long or holding a
 * control character, an expected version below 1 or contradicting {@code If-Match});
 * nothing was published. Answered 422 {@code invalid-approval} naming the field in
 * {@code errors}.
 */
public class InvalidApprovalException extends RefusedRequestException {

	private final String field;

	InvalidApprovalException(String field, String message) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-approval", "Invalid approval", "invalid", message);
		this.field = field;
		getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
	}

	/**
	 * The field at fault, as the request names it.
	 * @return {@code comment} or {@code expectedVersion}
	 */
	public String field() {
		return this.field;
	}

}
