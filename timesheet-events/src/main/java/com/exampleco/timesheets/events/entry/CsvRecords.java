package com.exampleco.timesheets.events.entry;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 record reader over a whole text: fields separated by commas, optionally
 * quoted with {@code "}, quotes inside doubled, commas and line breaks allowed inside
 * quotes, records ended by CRLF or LF. Tracks the line each record starts on.
 */
final class CsvRecords {

	private final String text;

	private int position;

	private int line = 1;

	CsvRecords(String text) {
		this.text = text;
	}

	/**
	 * The next record.
	 * @return the record, or null at the end of the text
	 */
	Row next() {
		if (this.position >= this.text.length()) {
			return null;
		}
		int startLine = this.line;
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		String error = null;
		boolean quoted = false;
		boolean afterQuote = false;
		while (this.position < this.text.length()) {
			char c = this.text.charAt(this.position++);
			if (quoted) {
				if (c == '"') {
					if (this.position < this.text.length() && this.text.charAt(this.position) == '"') {
						field.append('"');
						this.position++;
					}
					else {
						quoted = false;
						afterQuote = true;
					}
				}
				else {
					if (c == '\n') {
						this.line++;
					}
					field.append(c);
				}
				continue;
			}
			if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				afterQuote = false;
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && this.position < this.text.length() && this.text.charAt(this.position) == '\n') {
					this.position++;
				}
				this.line++;
				fields.add(field.toString());
				return new Row(startLine, fields, error);
			}
			else if (c == '"' && field.length() == 0 && !afterQuote) {
				quoted = true;
			}
			else if (afterQuote) {
				if (error == null) {
					error = "characters after a closing quote";
				}
			}
			else if (c == '"') {
				if (error == null) {
					error = "quote inside an unquoted field (quote the whole field and double the quote)";
				}
			}
			else {
				field.append(c);
			}
		}
		if (quoted) {
			error = "quoted field not closed before the end of the input";
		}
		fields.add(field.toString());
		return new Row(startLine, fields, error);
	}

	/**
	 * One record.
	 *
	 * @param line the line it starts on
	 * @param fields its fields, unquoted
	 * @param error what is malformed about it, or null
	 */
	record Row(int line, List<String> fields, String error) {

		boolean isBlank() {
			return this.error == null && this.fields.size() == 1 && this.fields.get(0).isBlank();
		}

	}

}
