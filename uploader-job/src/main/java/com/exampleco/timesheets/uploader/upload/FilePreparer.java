package com.exampleco.timesheets.uploader.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

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
 * batch) and splits it into batches. Each batch's {@code Idempotency-Key} is derived from
 * the file's content hash, the batch size and the batch's position, so a retry or a
 * re-run of the same file sends the same keys and the API derives the same event ids.
 */
public class FilePreparer {

	/** Prefix and version of the key scheme, so a future scheme cannot collide. */
	static final String KEY_PREFIX = "tsu1";

	private final EntryReader reader = new EntryReader();

	private final EntryValidator validator;

	private final JsonMapper json = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

	public FilePreparer(EntryValidator validator) {
		this.validator = validator;
	}

	/**
	 * Reads, validates and splits a file.
	 * @param path the file; its extension names its format
	 * @param format the format
	 * @param batchSize entries per batch
	 * @return the prepared file, never null
	 * @throws IOException when the file cannot be read
	 */
	public PreparedFile prepare(Path path, EntryFormat format, int batchSize) throws IOException {
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
			return new PreparedFile(path, format, sha256, count, batchSize, List.of(), read.violations());
		}
		if (read.entries().isEmpty()) {
			return new PreparedFile(path, format, sha256, 0, batchSize, List.of(),
					List.of(Violation.ofInput(0, "the file holds no entries")));
		}
		EntryValidator.Validation validation = this.validator.validate(read.entries());
		if (!validation.valid()) {
			return new PreparedFile(path, format, sha256, count, batchSize, List.of(), validation.violations());
		}
		List<Batch> batches = new ArrayList<>();
		List<TimesheetEntry> entries = validation.entries();
		for (int start = 0; start < entries.size(); start += batchSize) {
			int end = Math.min(entries.size(), start + batchSize);
			List<Integer> lines = read.entries().subList(start, end).stream().map(SourcedEntry::line).toList();
			int number = batches.size() + 1;
			batches.add(new Batch(number, idempotencyKey(sha256, batchSize, number), start, end - start, lines,
					this.json.writeValueAsBytes(entries.subList(start, end))));
		}
		return new PreparedFile(path, format, sha256, entries.size(), batchSize, List.copyOf(batches), List.of());
	}

	/**
	 * The key of one batch of a file: {@code tsu1.<sha256>.<batchSize>.<number>}.
	 * @param sha256 hex SHA-256 of the file's bytes
	 * @param batchSize the batch size
	 * @param number one-based batch number
	 * @return a key {@link IdempotencyKeys#isValid valid} for the API
	 */
	static String idempotencyKey(String sha256, int batchSize, int number) {
		String key = KEY_PREFIX + "." + sha256 + "." + batchSize + "." + number;
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
