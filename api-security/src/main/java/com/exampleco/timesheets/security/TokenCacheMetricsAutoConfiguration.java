package com.exampleco.timesheets.security;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Counts how bearer tokens are answered by the verified-token cache
 * ({@link VerifiedTokenCache}): {@value #METER}{@code {result=hit|miss}}, a hit served
 * without a signature check, a miss handed to the issuer-backed decoder (first use of a
 * token, one out of its time, or a bad one). Registered only when Micrometer is present
 * and the app's {@link JwtDecoder} is that cache
 * ({@code timesheets.security.token-cache.max-entries} above 0).
 */
@AutoConfiguration(after = ApiSecurityAutoConfiguration.class)
@ConditionalOnClass({ MeterBinder.class, JwtDecoder.class })
public final class TokenCacheMetricsAutoConfiguration {

	/** Name of the counter. */
	public static final String METER = "timesheets.security.token.cache.requests";

	@Bean
	MeterBinder tokenCacheMetrics(ObjectProvider<JwtDecoder> decoder) {
		return (registry) -> decoder.ifAvailable((candidate) -> {
			if (candidate instanceof VerifiedTokenCache cache) {
				FunctionCounter.builder(METER, cache, VerifiedTokenCache::hits)
					.description("Bearer tokens answered from the verified-token cache (hit) or verified (miss)")
					.tag("result", "hit")
					.register(registry);
				FunctionCounter.builder(METER, cache, VerifiedTokenCache::misses)
					.description("Bearer tokens answered from the verified-token cache (hit) or verified (miss)")
					.tag("result", "miss")
					.register(registry);
			}
		});
	}

}
