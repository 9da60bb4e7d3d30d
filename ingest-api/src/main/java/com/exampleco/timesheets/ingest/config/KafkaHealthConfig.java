package com.exampleco.timesheets.ingest.config;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.exampleco.timesheets.ingest.idempotency.KeyLedger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adds {@code kafka} to {@code /actuator/health}: UP with the number of brokers when the
 * cluster answers within 3 seconds, DOWN otherwise. Liveness does not include it: a
 * broker outage is answered 503 per request, it is no reason to restart the API.
 * {@code idempotencyKeys} is UP once the accepted {@code Idempotency-Key}s were read from
 * their topic; it is part of the readiness group, so an instance that cannot answer
 * requests with a key yet takes no traffic.
 */
@Configuration(proxyBeanMethods = false)
class KafkaHealthConfig {

	private static final int TIMEOUT_MS = 3000;

	@Bean(destroyMethod = "close")
	Admin kafkaHealthAdmin(KafkaProperties kafkaProperties) {
		Map<String, Object> config = kafkaProperties.buildAdminProperties();
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, "ingest-api-health");
		return Admin.create(config);
	}

	@Bean
	HealthIndicator kafkaHealthIndicator(Admin kafkaHealthAdmin) {
		return new AbstractHealthIndicator("Kafka cluster did not answer") {

			@Override
			protected void doHealthCheck(Health.Builder builder) throws Exception {
				int brokers = kafkaHealthAdmin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
					.nodes()
					.get(TIMEOUT_MS + 1000, TimeUnit.MILLISECONDS)
					.size();
				builder.up().withDetail("brokers", brokers);
			}

		};
	}

	@Bean
	HealthIndicator idempotencyKeysHealthIndicator(KeyLedger ledger) {
		return () -> ledger.isLoaded() ? Health.up().withDetail("keys", ledger.size()).build()
				: Health.outOfService().withDetail("reason", "reading " + KeyLedger.TOPIC).build();
	}

}
