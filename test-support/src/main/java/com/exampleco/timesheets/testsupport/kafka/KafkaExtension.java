package com.exampleco.timesheets.testsupport.kafka;

import com.exampleco.timesheets.testsupport.SharedFixtureExtension;

/**
 * One Kafka broker for every test class of a test run ({@link KafkaForTests#launch()}),
 * closed when the run ends (see {@link SharedFixtureExtension}).
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
public final class KafkaExtension extends SharedFixtureExtension<KafkaForTests> {

	public KafkaExtension() {
		super(KafkaForTests.class, KafkaForTests::launch);
	}

	/**
	 * The broker of this test run.
	 * @return the running broker, never null
	 * @throws IllegalStateException before the test class's {@code beforeAll}
	 */
	public KafkaForTests broker() {
		return fixture();
	}

	/**
	 * The bootstrap servers of {@link #broker()}.
	 * @return {@code host:port[,host:port]}
	 */
	public String bootstrapServers() {
		return broker().bootstrapServers();
	}

}
