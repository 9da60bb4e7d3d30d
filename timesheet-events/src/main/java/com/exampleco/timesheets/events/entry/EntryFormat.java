package com.exampleco.timesheets.events.entry;

import java.util.Locale;
import java.util.Optional;

/** The input formats a batch of entries may come in. */
public enum EntryFormat {

	/** A JSON array of entry objects ({@code application/json}). */
	JSON_ARRAY("application/json", ".json"),

	/** One entry object per line ({@code application/x-ndjson}). */
	NDJSON("application/x-ndjson", ".ndjson"),

	/**
	 * RFC 4180 CSV with the header
	 * {@code external_id,employee_id,project_code,work_date,hours,note}
	 * ({@code text/csv}).
	 */
	CSV("text/csv", ".csv");

	private final String mediaType;

	private final String fileExtension;

	EntryFormat(String mediaType, String fileExtension) {
		this.mediaType = mediaType;
		this.fileExtension = fileExtension;
	}

	/**
	 * The media type of this format.
	 * @return for example {@code text/csv}
	 */
	public String mediaType() {
		return this.mediaType;
	}

	/**
	 * The format of a media type, ignoring parameters such as {@code charset}.
	 * @param mediaType a {@code Content-Type} value, may be null
	 * @return the format, or empty when the type is not one of ours
	 */
	public static Optional<EntryFormat> ofMediaType(String mediaType) {
		if (mediaType == null) {
			return Optional.empty();
		}
		String type = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
		for (EntryFormat format : values()) {
			if (format.mediaType.equals(type)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

	/**
	 * The format of a file by its extension.
	 * @param fileName the file name, may be null
	 * @return the format, or empty when the extension is not one of ours
	 */
	public static Optional<EntryFormat> ofFileName(String fileName) {
		if (fileName == null) {
			return Optional.empty();
		}
		String name = fileName.toLowerCase(Locale.ROOT);
		for (EntryFormat format : values()) {
			if (name.endsWith(format.fileExtension)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

}
