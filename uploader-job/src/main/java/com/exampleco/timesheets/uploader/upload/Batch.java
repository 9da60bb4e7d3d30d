package com.exampleco.timesheets.uploader.upload;

import java.util.List;

/**
 * One request's worth of a file: validated entries as a JSON array.
 *
 * @param number one-based position of the batch in its file
 * @param idempotencyKey the {@code Idempotency-Key} sent with every attempt
 * @param firstIndex zero-based position in the file of the batch's first entry
 * @param entries how many entries the batch holds
 * @param lines the file line each entry starts on, in batch order (0 when unknown)
 * @param body the request body ({@code application/json})
 */
public record Batch(int number, String idempotencyKey, int firstIndex, int entries, List<Integer> lines, byte[] body) {

	/**
	 * The file line of an entry of this batch.
	 * @param index zero-based index in the batch
	 * @return the line, or 0 when unknown
	 */
	public int lineOf(int index) {
		return (index >= 0 && index < this.lines.size()) ? this.lines.get(index) : 0;
	}

}
