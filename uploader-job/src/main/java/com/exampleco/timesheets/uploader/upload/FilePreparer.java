package com.exampleco.timesheets.uploader.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.exampleco.timesheets.events.IdempotencyKeys;
import com.exampleco.timesheets.events.TimesheetEntry;
import com.exampleco.timesheets.events.entry.EntryFormat;
import com.exampleco.timesheets.events.entry.EntryReader;
import com.exampleco.timesheets.events.entry.EntryValidator;
import com.exampleco.timesheets.events.entry.SourcedEntry;
import com.exampleco.timesheets.events.entry.Violation;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a file with the shared {@link EntryReader}, validates it whole with the shared
 * {@link EntryValidator} (so {@code externalId}s are unique across the file, not just a
 * batch) and splits it into the batches of one {@link Upload}. Each batch's
 * {@code Idempotency-Key} names that upload: it is derived from the file's content hash,
 * the upload's id, the batch size and the batch's position. A retry of the upload sends
 * the same keys, so the API derives the same event ids and nothing is doubled; a later
 * upload of the same bytes has another upload id, so its events are new and are applied
 * (a revert to an earlier file is not mistaken for a retry).
 */
public class FilePreparer {

	/** Prefix and version of the key scheme, so a future scheme cannot collide. */
	static final String KEY_PREFIX = "tsu2";

	private final EntryReader reader = new EntryReader();

	private final EntryValidator validator;

	private final JsonMapper json = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

	public FilePreparer(EntryValidator validator) {
		this.validator = validator;
	}

	/**
	 * Reads and validates a file.
	 * @param path the file; its extension names its format
	 * @param format the format
	 * @return the file, valid or with its violations, never null
	 * @throws IOException when the file cannot be read
	 */
	public PreparedFile prepare(Path path, EntryFormat format) throws IOException {
		byte[] bytes = Files.readAllBytes(path);
		String sha256 = sha256(bytes);
		EntryReader.Result read = this.reader.read(format, bytes);
		int count = read.entries().size() + (int) read.violations()
			.stream()
			.filter((v) -> v.index() >= 0)
			.map(Violation::index)
			.distinct()
			.count();
		if (!read.violations().isEmpty()) {
			return invalid(path, format, sha256, count, read.violations());
		}
		if (read.entries().isEmpty()) {
			return invalid(path, format, sha256, 0, List.of(Violation.ofInput(0, "the file holds no entries")));
		}
		EntryValidator.Validation validation = this.validator.validate(read.entries());
		if (!validation.valid()) {
			return invalid(path, format, sha256, count, validation.violations());
		}
		List<Integer> lines = read.entries().stream().map(SourcedEntry::line).toList();
		return new PreparedFile(path, format, sha256, validation.entries().size(), List.copyOf(validation.entries()),
				lines, List.of());
	}

	/**
	 * Splits a valid file into the batches of one upload.
	 * @param file a valid file
	 * @param uploadId the upload's id
	 * @param batchSize entries per batch
	 * @return the upload, never null
	 * @throws IllegalArgumentException when the file is not valid
	 */
	public Upload split(PreparedFile file, UUID uploadId, int batchSize) {
		if (!file.valid()) {
			throw new IllegalArgumentException("an invalid file cannot be uploaded");
		}
		List<Batch> batches = new ArrayList<>();
		List<TimesheetEntry> entries = file.validated();
		for (int start = 0; start < entries.size(); start += batchSize) {
			int end = Math.min(entries.size(), start + batchSize);
			int number = batches.size() + 1;
			batches
				.add(new Batch(number, idempotencyKey(file.sha256(), uploadId, batchSize, number), start, end - start,
						file.lines().subList(start, end), this.json.writeValueAsBytes(entries.subList(start, end))));
		}
		return new Upload(file, uploadId, batchSize, List.copyOf(batches));
	}

	private static PreparedFile invalid(Path path, EntryFormat format, String sha256, int count,
			List<Violation> violations) {
		return new PreparedFile(path, format, sha256, count, List.of(), List.of(), violations);
	}

	/**
	 * The key of one batch of one upload of a file:
	 * {@code tsu2.<sha256>.<uploadId>.<batchSize>.<number>} (at most 120 characters).
	 * @param sha256 hex SHA-256 of the file's bytes
	 * @param uploadId the upload's id
	 * @param batchSize the batch size
	 * @param number one-based batch number
	 * @return a key {@link IdempotencyKeys#isValid valid} for the API
	 */
	static String idempotencyKey(String sha256, UUID uploadId, int batchSize, int number) {
		String key = KEY_PREFIX + "." + sha256 + "." + uploadId + "." + batchSize + "." + number;
		if (!IdempotencyKeys.isValid(key)) {
			throw new IllegalStateException("derived an invalid Idempotency-Key");
		}
		return key;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}
