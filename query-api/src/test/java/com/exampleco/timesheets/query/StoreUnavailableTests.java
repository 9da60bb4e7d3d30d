package com.exampleco.timesheets.query;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A database the API cannot read (here: the processor has not created the schema yet) is
 * a 503 with {@code Retry-After}, never a 500, and health stays answerable.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:no-schema;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
		"timesheets.security.issuer-uri=http://127.0.0.1:9/not-used-with-jwt-post-processor" })
@AutoConfigureMockMvc
class StoreUnavailableTests {

	@Autowired
	MockMvc mvc;

	@Test
	void answersServiceUnavailableWhenTheStoreCannotBeRead() throws Exception {
		for (String uri : new String[] { "/timesheets", "/timesheets/" + UUID.randomUUID(),
				"/batches/" + UUID.randomUUID(), "/employees/E1/summary" }) {
			this.mvc.perform(get(uri).with(Tokens.machine("read:timesheets")))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("https://timesheets.exampleco.com/problems/store-unavailable"));
		}
	}

}
