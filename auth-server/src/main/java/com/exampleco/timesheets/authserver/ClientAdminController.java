package com.exampleco.timesheets.authserver;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Switches clients on and off, for an administrator holding a token of this issuer with
 * the scope {@code admin:clients} and the admin audience (see
 * {@link ClientAdminSecurityConfiguration}): {@code DELETE /admin/clients/{id}/enabled}
 * disables a client (it gets no new tokens), {@code PUT} enables it again, {@code GET}
 * tells. 204 when done, 404 for an unknown client id.
 */
@RestController
class ClientAdminController {

	private final EnabledClients clients;

	ClientAdminController(EnabledClients clients) {
		this.clients = clients;
	}

	@GetMapping("/admin/clients/{clientId}/enabled")
	ResponseEntity<Map<String, Object>> enabled(@PathVariable String clientId) {
		Boolean enabled = this.clients.isEnabled(clientId);
		return (enabled != null) ? ResponseEntity.ok(Map.of("clientId", clientId, "enabled", enabled))
				: ResponseEntity.notFound().build();
	}

	@PutMapping("/admin/clients/{clientId}/enabled")
	ResponseEntity<Void> enable(@PathVariable String clientId) {
		return answer(this.clients.enable(clientId));
	}

	@DeleteMapping("/admin/clients/{clientId}/enabled")
	ResponseEntity<Void> disable(@PathVariable String clientId) {
		return answer(this.clients.disable(clientId));
	}

	private static ResponseEntity<Void> answer(boolean known) {
		return known ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

}
