package com.exampleco.timesheets.ingest.approval;

import io.swagger.v3.oas.annotations.Parameter;
import java.util.UUID;

import com.exampleco.timesheets.ingest.command.CommandAccepted;
import com.exampleco.timesheets.ingest.web.Actors;
import com.exampleco.timesheets.security.Caller;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /timesheets/{id}/approval} with {@code approve:timesheets}: hands the
 * decision to {@link ApprovalIntake} and answers {@code 202 Accepted} once the broker
 * committed its event.
 */
@RestController
class ApprovalController {

	private final ApprovalIntake intake;

	ApprovalController(ApprovalIntake intake) {
		this.intake = intake;
	}

	@PostMapping(path = ApprovalIntake.ROUTE, consumes = "application/json")
	ResponseEntity<CommandAccepted> decide(@Parameter(hidden = true) Caller caller, @PathVariable UUID timesheetId,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody ApprovalRequest request) {
		CommandAccepted accepted = this.intake.decide(Actors.of(caller), timesheetId, idempotencyKey, ifMatch, request);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted);
	}

}
