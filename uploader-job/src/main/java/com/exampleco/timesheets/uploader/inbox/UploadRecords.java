package com.exampleco.timesheets.uploader.inbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The upload records of an inbox: for each file being uploaded, a small
 * {@code .<file>.upload.json} beside it ({@link UploadRecord}) holding the upload's
 * random id and the hash of the bytes it sends. It is written before the first batch is
 * sent and removed when the file leaves the inbox, so:
 * <ul>
 * <li>a retry (a later batch in the same run, or the next run after a crash or an
 * unavailable API) finds it and sends the same {@code Idempotency-Key}s;</li>
 * <li>the same bytes dropped into the inbox again after the file was finished find none
 * and are a new upload, with new keys;</li>
 * <li>a file whose bytes changed while its record exists starts a new upload.</li>
 * </ul>
 * Records are written to a temporary file, forced to disk and renamed atomically, so a
 * crash leaves either the old record or the new one. Only one run works on an inbox at a
 * time ({@link InboxLock}); this class is not meant for concurrent use.
 */
public final class UploadRecords {

	/** How a record's name ends: {@code .week.csv.upload.json} for {@code week.csv}. */
	public static final String SUFFIX = ".upload.json";

	private static final String TEMPORARY = ".tmp";

	private final Path root;

	private final Clock clock;

	private final Supplier<UUID> ids;

	private final JsonMapper json = JsonMapper.builder().build();

	UploadRecords(Path root, Clock clock, Supplier<UUID> ids) {
		this.root = root;
		this.clock = clock;
		this.ids = ids;
	}

	/**
	 * Where the record of a file lives.
	 * @param file a file in the inbox
	 * @return the record's path (it may not exist)
	 */
	public Path recordOf(Path file) {
		return this.root.resolve("." + file.getFileName() + SUFFIX);
	}

	/**
	 * Continues the file's upload or begins a new one, and makes sure its record is on
	 * disk before anything is sent.
	 * @param file the file in the inbox
	 * @param sha256 hex SHA-256 of the bytes about to be sent
	 * @param batchSize the configured batch size (a continued upload keeps its own)
	 * @return the upload and how it was found, never null
	 * @throws IOException when the record cannot be written (then nothing may be sent)
	 */
	public Begun begin(Path file, String sha256, int batchSize) throws IOException {
		byte[] bytes = bytesOf(file);
		if (bytes == null) {
			return begin(file, sha256, batchSize, Begun.How.NEW, null);
		}
		UploadRecord existing = parse(bytes);
		if (existing == null) {
			return begin(file, sha256, batchSize, Begun.How.RESTARTED,
					"its upload record " + recordOf(file).getFileName() + " could not be read");
		}
		if (existing.finishingAs() != null && Files.exists(this.root.resolve(existing.finishingAs()))) {
			// the file was moved out before the record could be removed; this is a new
			// copy of it
			return begin(file, sha256, batchSize, Begun.How.RESTARTED,
					"upload " + existing.uploadId() + " of this name already finished as " + existing.finishingAs());
		}
		if (!existing.sha256().equals(sha256)) {
			return begin(file, sha256, batchSize, Begun.How.RESTARTED,
					"the file changed since upload " + existing.uploadId() + " began at " + existing.startedAt());
		}
		UploadRecord continued = new UploadRecord(existing.uploadId(), existing.sha256(), existing.batchSize(),
				existing.startedAt(), null);
		if (existing.finishingAs() != null) {
			// the move out of the inbox did not happen: the upload is still this one
			write(file, continued);
		}
		return new Begun(continued, Begun.How.CONTINUED, null);
	}

	private Begun begin(Path file, String sha256, int batchSize, Begun.How how, @Nullable String why)
			throws IOException {
		UploadRecord record = new UploadRecord(this.ids.get(), sha256, batchSize, this.clock.instant(), null);
		write(file, record);
		return new Begun(record, how, why);
	}

	/**
	 * Reads the record of a file.
	 * @param file the file in the inbox
	 * @return the record, or empty when there is none or it cannot be read as one
	 * @throws IOException when it exists but cannot be read
	 */
	public Optional<UploadRecord> read(Path file) throws IOException {
		byte[] bytes = bytesOf(file);
		return Optional.ofNullable((bytes != null) ? parse(bytes) : null);
	}

	private byte @Nullable [] bytesOf(Path file) throws IOException {
		try {
			return Files.readAllBytes(recordOf(file));
		}
		catch (NoSuchFileException ex) {
			return null;
		}
	}

	private @Nullable UploadRecord parse(byte[] bytes) {
		try {
			UploadRecord record = this.json.readValue(bytes, UploadRecord.class);
			boolean complete = record != null && record.uploadId() != null && record.sha256() != null
					&& record.startedAt() != null && record.batchSize() >= 1;
			return complete ? record : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * Marks the file's record, if it has one, as finishing: the file is about to be moved
	 * to {@code target}. A crash before the move leaves the upload as it was; a crash
	 * after it leaves a record that no later copy of the file mistakes for its own.
	 * @param file the file in the inbox
	 * @param target where it goes
	 * @throws IOException when the record cannot be rewritten
	 */
	void finishing(Path file, Path target) throws IOException {
		byte[] bytes = bytesOf(file);
		if (bytes == null) {
			return;
		}
		Optional<UploadRecord> record = Optional.ofNullable(parse(bytes));
		if (record.isEmpty()) {
			// an unreadable record is never taken for a continued upload: remove it
			forget(file);
		}
		else {
			UploadRecord current = record.get();
			write(file, new UploadRecord(current.uploadId(), current.sha256(), current.batchSize(), current.startedAt(),
					this.root.relativize(target).toString()));
		}
	}

	/**
	 * Removes the record of a file.
	 * @param file the file (in the inbox, or already moved out of it)
	 * @throws IOException when it exists and cannot be removed
	 */
	void forget(Path file) throws IOException {
		Files.deleteIfExists(recordOf(file));
	}

	/**
	 * Removes the records whose file is no longer in the inbox (removed by a person, or
	 * moved out just before a crash), and temporary files of interrupted writes.
	 * @return the names of the files whose records were removed, never null
	 * @throws IOException when the inbox cannot be listed or a record removed
	 */
	public List<String> sweep() throws IOException {
		List<String> removed = new ArrayList<>();
		List<Path> candidates;
		try (Stream<Path> files = Files.list(this.root)) {
			candidates = files.filter((path) -> {
				String name = path.getFileName().toString();
				return name.startsWith(".") && (name.endsWith(SUFFIX) || name.endsWith(SUFFIX + TEMPORARY));
			}).sorted().toList();
		}
		for (Path candidate : candidates) {
			String name = candidate.getFileName().toString();
			if (name.endsWith(TEMPORARY)) {
				Files.deleteIfExists(candidate);
				continue;
			}
			String fileName = name.substring(1, name.length() - SUFFIX.length());
			if (!fileName.isEmpty() && !Files.isRegularFile(this.root.resolve(fileName))) {
				Files.deleteIfExists(candidate);
				removed.add(fileName);
			}
		}
		return removed;
	}

	private void write(Path file, UploadRecord record) throws IOException {
		Path target = recordOf(file);
		Path temporary = target.resolveSibling(target.getFileName() + TEMPORARY);
		try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
				StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
			ByteBuffer bytes = ByteBuffer.wrap(this.json.writeValueAsBytes(record));
			while (bytes.hasRemaining()) {
				channel.write(bytes);
			}
			channel.force(true);
		}
		try {
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
		}
		forceDirectory();
	}

	/** Makes the rename durable where the platform allows it (Linux, macOS). */
	private void forceDirectory() {
		try (FileChannel directory = FileChannel.open(this.root, StandardOpenOption.READ)) {
			directory.force(true);
		}
		catch (IOException | UnsupportedOperationException ex) {
			// e.g. Windows cannot open a directory: the rename is still atomic
		}
	}

	/**
	 * The upload a file is sent under.
	 *
	 * @param upload the record, on disk
	 * @param how whether it continues an earlier upload
	 * @param why why an existing record was not continued, or null
	 */
	public record Begun(UploadRecord upload, How how, @Nullable String why) {

		/** How an upload was found. */
		public enum How {

			/** No record: a new upload. */
			NEW,

			/** A record of the same bytes: the upload continues, with the same keys. */
			CONTINUED,

			/**
			 * A record that does not fit (other bytes, finished, unreadable): a new
			 * upload.
			 */
			RESTARTED

		}

	}

}
