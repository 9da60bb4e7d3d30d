package com.exampleco.timesheets.ingest.approval;

/**
 * An approval or rejection breaks a rule on one field (a comment too long or holding a
 * control character, an expected version below 1 or contradicting {@code If-Match});
 * nothing was published.
 */
public class InvalidApprovalException extends RuntimeException {

	private final String field;

	InvalidApprovalException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * The field at fault, as the request names it.
	 * @return {@code comment} or {@code expectedVersion}
	 */
	public String field() {
		return this.field;
	}

}
