/**
 * The resource-server contract both web APIs run: {@link RouteScopeContract} (every route
 * with every scope, the anonymous and management endpoints) on MockMvc with
 * {@code jwt()}, and {@link BearerTokenContract} (the real token path: hostile tokens,
 * token placement, RFC 6750 challenges) against a {@code TestTokenIssuer}. Each API keeps
 * a short subclass naming its routes ({@link ApiRoute}) and its own specifics.
 */
package com.exampleco.timesheets.testsupport.resourceserver;
