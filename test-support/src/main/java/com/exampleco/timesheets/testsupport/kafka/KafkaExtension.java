package com.exampleco.timesheets.testsupport.kafka;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * One Kafka broker for every test class of a test run ({@link KafkaForTests#launch()}),
 * started before the first class that registers this extension and closed when the run
 * ends: it lives in the root {@link ExtensionContext}'s store, which JUnit closes (it is
 * {@link AutoCloseable}) after the last test.
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static final KafkaExtension kafka = new KafkaExtension();
 *
 * &#64;DynamicPropertySource
 * static void kafka(DynamicPropertyRegistry registry) {
 *     registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
 * }
 * </pre>
 *
 * {@link #broker()} is available from the class's {@code beforeAll} on, so also in
 * {@code @DynamicPropertySource} and {@code @BeforeAll} methods.
 */
public final class KafkaExtension implements BeforeAllCallback {

	private static final Namespace NAMESPACE = Namespace.create(KafkaExtension.class);

	private volatile KafkaForTests broker;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.broker = context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(KafkaForTests.class, (key) -> KafkaForTests.launch(), KafkaForTests.class);
	}

	/**
	 * The broker of this test run.
	 * @return the running broker, never null
	 * @throws IllegalStateException before the test class's {@code beforeAll}
	 */
	public KafkaForTests broker() {
		KafkaForTests current = this.broker;
		if (current == null) {
			throw new IllegalStateException(
					"KafkaExtension is not started: register it with @RegisterExtension on a static field");
		}
		return current;
	}

	/**
	 * The bootstrap servers of {@link #broker()}.
	 * @return {@code host:port[,host:port]}
	 */
	public String bootstrapServers() {
		return broker().bootstrapServers();
	}

}
