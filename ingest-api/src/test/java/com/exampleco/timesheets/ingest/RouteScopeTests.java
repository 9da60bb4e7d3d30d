package com.exampleco.timesheets.ingest;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.exampleco.timesheets.ingest.publishing.EventPublisher;
import com.exampleco.timesheets.testsupport.resourceserver.ApiRoute;
import com.exampleco.timesheets.testsupport.resourceserver.RouteScopeContract;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static com.exampleco.timesheets.testsupport.resourceserver.ApiRoute.route;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The resource-server contract on the ingest API's routes: the scope a route needs gives
 * 202, each other scope 403 naming the needed scope, no token 401.
 */
@IngestWebTest
class RouteScopeTests extends RouteScopeContract {

	static final String ENTRY = """
			{"externalId":"row-1","employeeId":"E1001","projectCode":"ALPHA","workDate":"2026-11-02","hours":7.5}""";

	static final UUID TIMESHEET = UUID.randomUUID();

	@MockitoBean
	EventPublisher publisher;

	@Override
	protected List<ApiRoute> routes() {
		return ingestRoutes();
	}

	/**
	 * The ingest API's routes, each answered 202 with the publisher mocked; the upload of
	 * a batch first.
	 * @return the routes
	 */
	static List<ApiRoute> ingestRoutes() {
		UUID id = TIMESHEET;
		return Stream
			.of(route(POST, "/timesheet-batches", "/timesheet-batches", "create:timesheets")
				.withJson("[" + ENTRY + "]"),
					route(POST, "/timesheets", "/timesheets", "create:timesheets").withJson(ENTRY),
					route(POST, "/timesheets/{timesheetId}/approval", "/timesheets/" + id + "/approval",
							"approve:timesheets")
						.withJson("{\"decision\":\"APPROVED\"}"),
					route(DELETE, "/timesheets/{timesheetId}", "/timesheets/" + id, "delete:timesheets"))
			.map((route) -> route.answeredWith(status().isAccepted()))
			.toList();
	}

	@Override
	protected RequestPostProcessor machineToken(String... scopes) {
		return token(scopes);
	}

	/**
	 * The uploader's token as api-security would authenticate it.
	 * @param scopes its scopes
	 * @return {@code jwt()} with {@code SCOPE_} authorities
	 */
	static RequestPostProcessor token(String... scopes) {
		Set<GrantedAuthority> authorities = Stream.of(scopes)
			.map((scope) -> (GrantedAuthority) new SimpleGrantedAuthority("SCOPE_" + scope))
			.collect(Collectors.toSet());
		return jwt().jwt((jwt) -> jwt.subject("timesheets-uploader").claim("azp", "timesheets-uploader"))
			.authorities(authorities);
	}

	/** No broker in this test: health is answered (DOWN, 503), never refused. */
	@Override
	protected ResultMatcher healthWithoutToken() {
		return status().isServiceUnavailable();
	}

	@Override
	protected List<String> documentFragments() {
		return List.of("/timesheet-batches", "/timesheets/{timesheetId}/approval");
	}

}
