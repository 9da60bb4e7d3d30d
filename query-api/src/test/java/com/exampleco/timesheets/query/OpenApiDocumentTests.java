package com.exampleco.timesheets.query;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The committed {@value #DOCUMENT} is what the query API serves at {@code /v3/api-docs}:
 * {@code query-api-client} generates its Java client from that file, so a change of the
 * API that is not committed there fails here. Refresh it with
 * {@code ./mvnw -B -pl query-api -am test -Dtest=OpenApiDocumentTests -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true}.
 * Served for the local authorization server's issuer ({@code http://localhost:9000}, the
 * app's default), so its token URLs are the local stack's.
 */
@QueryWebTest
@TestPropertySource(properties = "timesheets.security.issuer-uri=http://localhost:9000")
class OpenApiDocumentTests {

	static final String DOCUMENT = "openapi/query-api.json";

	private static final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@Autowired
	MockMvc mvc;

	@Test
	void committedDocumentIsWhatTheApiServes() throws Exception {
		String served = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		JsonNode document = json.readTree(served);
		Path committed = Path.of(DOCUMENT);
		if (Boolean.getBoolean("openapi.write")) {
			Files.createDirectories(committed.getParent());
			Files.writeString(committed, json.writeValueAsString(document) + "\n", StandardCharsets.UTF_8);
		}
		assertThat(Files.exists(committed))
			.as("%s exists; write it with -Dopenapi.write=true", committed.toAbsolutePath())
			.isTrue();
		assertThat(json.readTree(Files.readString(committed, StandardCharsets.UTF_8)))
			.as("query-api/%s differs from the served /v3/api-docs: refresh it with "
					+ "./mvnw -B -pl query-api -am test -Dtest=OpenApiDocumentTests "
					+ "-Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true and commit it", DOCUMENT)
			.isEqualTo(document);
	}

}
