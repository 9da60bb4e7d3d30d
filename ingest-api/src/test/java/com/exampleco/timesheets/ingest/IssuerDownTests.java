package com.exampleco.timesheets.ingest;

import com.exampleco.timesheets.ingest.publishing.EventPublisher;
import com.exampleco.timesheets.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * When the issuer cannot be reached, a token cannot be checked: the answer is 503 with
 * {@code Retry-After}, never a 500 and never an accepted request.
 */
@SpringBootTest(properties = { "spring.kafka.admin.auto-create=false", "timesheets.ingest.idempotency.load-timeout=0s",
		"timesheets.security.issuer-uri=http://127.0.0.1:9/unreachable-issuer" })
@AutoConfigureMockMvc
class IssuerDownTests {

	static final TestTokenIssuer otherIssuer = TestTokenIssuer.start();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	EventPublisher publisher;

	@AfterAll
	static void stop() {
		otherIssuer.close();
	}

	@Test
	void answersServiceUnavailableWhenTheIssuerCannotBeReached() throws Exception {
		String token = otherIssuer.token()
			.issuer("http://127.0.0.1:9/unreachable-issuer")
			.scopes("create:timesheets")
			.sign();
		MvcResult result = this.mvc
			.perform(post("/timesheet-batches").contentType(MediaType.APPLICATION_JSON)
				.content("[]")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(503);
		assertThat(result.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isNotBlank();
		assertThat(MediaType.parseMediaType(result.getResponse().getContentType())
			.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		verify(this.publisher, never()).publish(any(), any());
	}

}
