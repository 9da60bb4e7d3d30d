package com.exampleco.timesheets.ingest.approval;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state version an approver saw, from {@code If-Match} or the body's
 * {@code expectedVersion}. The ingest API never reads state, so it cannot evaluate a
 * condition itself: it forwards the version in the event, and the processor refuses the
 * decision as stale when the timesheet's version differs. Hence only a condition that
 * names one version is accepted: {@code "3"} (the query API's strong ETag) or
 * {@code W/"3"} (the same tag weakened, e.g. by a compressing proxy); {@code *}, a list,
 * an unquoted or non-numeric tag is a malformed request (400), never ignored.
 */
final class ExpectedVersion {

	private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"([1-9][0-9]{0,17})\"");

	private ExpectedVersion() {
	}

	/**
	 * The expected version of a decision.
	 * @param ifMatch the {@code If-Match} header, or null
	 * @param bodyVersion the body's {@code expectedVersion}, or null
	 * @return the version, or null when the request names none
	 * @throws MalformedIfMatchException when {@code If-Match} is not one version tag
	 * @throws InvalidApprovalException when the body's version is below 1 or differs from
	 * {@code If-Match}
	 */
	static Long of(String ifMatch, Long bodyVersion) {
		Long header = fromIfMatch(ifMatch);
		if (bodyVersion != null && bodyVersion < 1) {
			throw new InvalidApprovalException("expectedVersion", "expectedVersion must be at least 1");
		}
		if (header != null && bodyVersion != null && !header.equals(bodyVersion)) {
			throw new InvalidApprovalException("expectedVersion",
					"expectedVersion " + bodyVersion + " differs from the version in If-Match, " + header);
		}
		return (header != null) ? header : bodyVersion;
	}

	private static Long fromIfMatch(String ifMatch) {
		if (ifMatch == null) {
			return null;
		}
		Matcher matcher = ENTITY_TAG.matcher(ifMatch.strip());
		if (!matcher.matches()) {
			throw new MalformedIfMatchException();
		}
		return Long.valueOf(matcher.group(1));
	}

}
