package com.exampleco.timesheets.ingest.deletion;

import io.swagger.v3.oas.annotations.Parameter;
import java.util.UUID;

import com.exampleco.timesheets.ingest.command.CommandAccepted;
import com.exampleco.timesheets.ingest.web.Actors;
import com.exampleco.timesheets.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /timesheets/{id}} with {@code delete:timesheets}: hands the deletion to
 * {@link DeletionIntake} and answers {@code 202 Accepted} once the broker committed its
 * event.
 */
@RestController
class DeletionController {

	private final DeletionIntake intake;

	DeletionController(DeletionIntake intake) {
		this.intake = intake;
	}

	@DeleteMapping(DeletionIntake.ROUTE)
	ResponseEntity<CommandAccepted> delete(@Parameter(hidden = true) Caller caller, @PathVariable UUID timesheetId,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		CommandAccepted accepted = this.intake.delete(Actors.of(caller), timesheetId, idempotencyKey);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted);
	}

}
