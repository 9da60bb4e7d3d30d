package com.exampleco.timesheets.launcher.kafka;

import java.io.IOException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * The {@link KraftConfig} broker running in this JVM (local-stack's broker): its log
 * folder formatted on first use and kept, so topics and consumer offsets survive a
 * restart of the caller. When secured, the issuer must answer before {@link #start}: the
 * broker reads its JWKS while starting, and this JVM is allowed to fetch that URL
 * ({@link BrokerSecurity#ALLOWED_URLS_PROPERTY}).
 */
public final class InProcessKafkaBroker implements AutoCloseable {

	private final KafkaRaftServer server;

	private final String bootstrapServers;

	private InProcessKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
		this.server = server;
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Writes the configuration, formats the log folder if needed and starts the broker.
	 * @param config the broker's configuration
	 * @param writer who starts it, for the configuration file's comment
	 * @return the running broker
	 * @throws IOException when the folder cannot be written or formatting fails
	 */
	public static InProcessKafkaBroker start(KraftConfig config, String writer) throws IOException {
		if (config.security() != null) {
			// the broker fetches the issuer's JWKS from this JVM
			KafkaClientSecurity.allowInThisJvm(config.security().jwksUrl());
		}
		config.prepare(writer);
		KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config.serverProperties(), false),
				Time.SYSTEM);
		server.startup();
		return new InProcessKafkaBroker(server, config.bootstrapServers());
	}

	/**
	 * The broker's address.
	 * @return {@code 127.0.0.1:<port>}
	 */
	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	/** Shuts the broker down (controlled shutdown) and waits until it is gone. */
	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
	}

}
