package com.exampleco.timesheets.uploader.inbox;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.exampleco.timesheets.events.entry.EntryFormat;
import com.exampleco.timesheets.uploader.run.ConfigurationProblem;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The folder the job works on. Candidates are the regular, non-hidden files directly
 * inside it, in name order; a file being uploaded has its {@link UploadRecords upload
 * record} beside it (a hidden file); a finished file moves to {@code done/} or
 * {@code failed/} with its report beside it, and its upload record is removed. A file is
 * moved only after its report is written, so a crash leaves it in the inbox, with its
 * upload record, for the next run to continue.
 */
public class Inbox {

	/** Sub-folder of files uploaded whole. */
	public static final String DONE = "done";

	/** Sub-folder of files that need a person. */
	public static final String FAILED = "failed";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final Path root;

	private final Clock clock;

	private final UploadRecords uploads;

	private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	public Inbox(Path root, Clock clock) {
		this(root, clock, UUID::randomUUID);
	}

	Inbox(Path root, Clock clock, Supplier<UUID> uploadIds) {
		this.root = root;
		this.clock = clock;
		this.uploads = new UploadRecords(root, clock, uploadIds);
	}

	/**
	 * The upload records of the files in this inbox.
	 * @return the records, never null
	 */
	public UploadRecords uploads() {
		return this.uploads;
	}

	/**
	 * Checks that the inbox exists and is a folder.
	 * @throws ConfigurationProblem when it is not
	 */
	public void check() {
		if (!Files.isDirectory(this.root)) {
			throw new ConfigurationProblem("the inbox " + this.root + " does not exist or is not a folder");
		}
	}

	/**
	 * Locks the inbox against overlapping runs.
	 * @return the lock
	 */
	public InboxLock lock() {
		return InboxLock.acquire(this.root);
	}

	/**
	 * The files waiting, in name order: regular files not starting with a dot.
	 * @return the files, never null
	 * @throws IOException when the folder cannot be listed
	 */
	public List<Path> files() throws IOException {
		try (Stream<Path> files = Files.list(this.root)) {
			return files.filter(Files::isRegularFile)
				.filter((path) -> !path.getFileName().toString().startsWith("."))
				.sorted()
				.toList();
		}
	}

	/**
	 * Whether a file's name says which format it has.
	 * @param file the file
	 * @return true for {@code .csv}, {@code .ndjson} and {@code .json}
	 */
	public static boolean isUploadable(Path file) {
		return EntryFormat.ofFileName(file.getFileName().toString()).isPresent();
	}

	/**
	 * Writes the report, then moves the file beside it and removes its upload record.
	 * Before the move the record is marked with the file's destination, so that a crash
	 * between the move and the removal cannot make a later copy of the file continue this
	 * upload.
	 * @param file the file in the inbox
	 * @param report its report
	 * @param done true for {@code done/}, false for {@code failed/}
	 * @return where the file now is
	 * @throws IOException when writing or moving fails (the file then stays)
	 */
	public Path finish(Path file, FileReport report, boolean done) throws IOException {
		Path folder = Files.createDirectories(this.root.resolve(done ? DONE : FAILED));
		String name = file.getFileName().toString();
		if (Files.exists(folder.resolve(name))) {
			// the same name was finished before: keep both
			// (and a third of the same second)
			String stamped = stamped(name, "");
			for (int copy = 2; Files.exists(folder.resolve(stamped)); copy++) {
				stamped = stamped(name, "-" + copy);
			}
			name = stamped;
		}
		Path target = folder.resolve(name);
		Path reportFile = folder.resolve(name + ".report.json");
		Path partial = folder.resolve("." + name + ".report.json.part");
		this.json.writeValue(partial.toFile(), report);
		move(partial, reportFile);
		this.uploads.finishing(file, target);
		move(file, target);
		this.uploads.forget(file);
		return target;
	}

	private String stamped(String name, String copy) {
		String stamp = STAMP.format(this.clock.instant()) + copy;
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(0, dot) + "." + stamp + name.substring(dot) : name + "." + stamp;
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
