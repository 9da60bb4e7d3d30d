package com.exampleco.timesheets.processor.config;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Health beyond Boot's database check: {@code kafka} (the cluster answers) and
 * {@code listeners} (every listener container runs; a container stopped by an
 * {@link Error} makes the processor DOWN).
 */
@Configuration(proxyBeanMethods = false)
class HealthConfig {

	@Bean(destroyMethod = "close")
	AdminClient healthAdminClient(KafkaProperties kafka) {
		Map<String, Object> config = kafka.buildAdminProperties();
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
		return AdminClient.create(config);
	}

	@Bean
	HealthIndicator kafkaHealthIndicator(AdminClient healthAdminClient) {
		return new AbstractHealthIndicator("Kafka health check failed") {
			@Override
			protected void doHealthCheck(Health.Builder builder) throws Exception {
				String clusterId = healthAdminClient.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
					.clusterId()
					.get(4, TimeUnit.SECONDS);
				builder.up().withDetail("clusterId", clusterId);
			}
		};
	}

	@Bean
	HealthIndicator listenersHealthIndicator(KafkaListenerEndpointRegistry registry) {
		return () -> {
			Health.Builder builder = Health.up();
			for (MessageListenerContainer container : registry.getListenerContainers()) {
				builder.withDetail(container.getListenerId(), container.isRunning() ? "running" : "stopped");
				if (!container.isRunning()) {
					builder.down();
				}
			}
			return builder.build();
		};
	}

}
