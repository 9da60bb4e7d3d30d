package com.exampleco.timesheets.webapp.batch;

import java.util.Locale;

/**
 * The processor's refusal reasons in plain words for the person who asked. The reasons
 * are the processor's fixed texts ({@code StateMachine}); an unknown one is shown as it
 * is, after a plain sentence.
 */
public final class Outcomes {

	private Outcomes() {
	}

	/**
	 * @param reason the processor's reason, may be null
	 * @return what happened and what to do, never null
	 */
	public static String explain(String reason) {
		String text = (reason != null) ? reason.toLowerCase(Locale.ROOT) : "";
		if (text.startsWith("stale")) {
			return "Someone changed this timesheet after you opened it, so your decision was not applied. "
					+ "Open Team approvals again to see the current version, then decide again.";
		}
		if (text.contains("own timesheet")) {
			return "You cannot approve or reject your own timesheet. Another manager has to decide on it.";
		}
		if (text.contains("team")) {
			return "This timesheet belongs to someone outside your team. Only their own manager can decide on it.";
		}
		if (text.equals("unknown timesheet") || text.contains("is deleted")) {
			return "This timesheet no longer exists (it was deleted), so nothing was changed.";
		}
		if (text.contains("already approved") || text.contains("already rejected")) {
			return "Someone already decided on this timesheet, so nothing was changed.";
		}
		if (text.contains("resubmission refused") || text.contains("rejection refused")) {
			return "This timesheet is already approved, so it can no longer be changed.";
		}
		if (text.contains("must be resubmitted")) {
			return "This timesheet was rejected. It has to be submitted again before it can be approved.";
		}
		return "The request was refused" + (text.isEmpty() ? "." : ": " + reason);
	}

}
