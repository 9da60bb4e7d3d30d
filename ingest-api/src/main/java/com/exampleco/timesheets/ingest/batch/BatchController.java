package com.exampleco.timesheets.ingest.batch;

import io.swagger.v3.oas.annotations.Parameter;
import com.exampleco.timesheets.events.entry.EntryFormat;
import com.exampleco.timesheets.ingest.web.Actors;
import com.exampleco.timesheets.ingest.web.BoundedBody;
import com.exampleco.timesheets.ingest.web.UnsupportedFormatException;
import com.exampleco.timesheets.security.Caller;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Uploads: {@code POST /timesheets} (one entry as a JSON object) and
 * {@code POST /timesheet-batches} (a JSON array, NDJSON or CSV, by {@code Content-Type}).
 * Both need the {@code create:timesheets} scope and answer {@code 202 Accepted} only
 * after the broker committed every entry.
 */
@RestController
class BatchController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final BatchIntake intake;

	private final BoundedBody body;

	BatchController(BatchIntake intake, BoundedBody body) {
		this.intake = intake;
		this.body = body;
	}

	@PostMapping("/timesheet-batches")
	ResponseEntity<BatchAccepted> uploadBatch(@Parameter(hidden = true) Caller caller,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
			HttpServletRequest request) {
		EntryFormat format = EntryFormat.ofMediaType(contentType)
			.orElseThrow(() -> new UnsupportedFormatException(contentType,
					"application/json (an array), application/x-ndjson or text/csv"));
		BatchAccepted accepted = this.intake.accept(Actors.of(caller), idempotencyKey, format, this.body.read(request));
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted);
	}

	@PostMapping("/timesheets")
	ResponseEntity<BatchAccepted> uploadOne(@Parameter(hidden = true) Caller caller,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
			HttpServletRequest request) {
		if (EntryFormat.ofMediaType(contentType).filter(EntryFormat.JSON_ARRAY::equals).isEmpty()) {
			throw new UnsupportedFormatException(contentType, "application/json (one entry object)");
		}
		BatchAccepted accepted = this.intake.acceptOne(Actors.of(caller), idempotencyKey, this.body.read(request));
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted);
	}

}
