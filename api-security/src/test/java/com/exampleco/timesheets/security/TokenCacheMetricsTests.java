package com.exampleco.timesheets.security;

import com.exampleco.timesheets.testsupport.tokens.TestTokenIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token cache's counter, {@code timesheets.security.token.cache.requests}: a token's
 * first use is a miss, its repetition a hit; without the cache there is no counter.
 */
class TokenCacheMetricsTests {

	static final TestTokenIssuer issuer = TestTokenIssuer.start();

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ApiSecurityAutoConfiguration.class, TokenCacheMetricsAutoConfiguration.class))
		.withPropertyValues("timesheets.security.issuer-uri=" + issuer.issuer());

	@AfterAll
	static void stopIssuer() {
		issuer.close();
	}

	@Test
	void countsFirstUseOfATokenAsMissAndItsRepetitionsAsHits() {
		this.runner.run((context) -> {
			MeterRegistry registry = new SimpleMeterRegistry();
			context.getBean("tokenCacheMetrics", MeterBinder.class).bindTo(registry);
			String token = issuer.token().scopes("read:timesheets").sign();
			JwtDecoder decoder = context.getBean(JwtDecoder.class);

			decoder.decode(token);
			decoder.decode(token);
			decoder.decode(token);

			assertThat(count(registry, "hit")).isEqualTo(2);
			assertThat(count(registry, "miss")).isEqualTo(1);
		});
	}

	@Test
	void registersNoCounterWithoutTheCache() {
		this.runner.withPropertyValues("timesheets.security.token-cache.max-entries=0").run((context) -> {
			MeterRegistry registry = new SimpleMeterRegistry();
			context.getBean("tokenCacheMetrics", MeterBinder.class).bindTo(registry);
			assertThat(registry.find(TokenCacheMetricsAutoConfiguration.METER).meters()).isEmpty();
		});
	}

	private static double count(MeterRegistry registry, String result) {
		return registry.get(TokenCacheMetricsAutoConfiguration.METER).tag("result", result).functionCounter().count();
	}

}
