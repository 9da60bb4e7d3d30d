package com.exampleco.timesheets.launcher.kafka;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import kafka.server.KafkaConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TlsListenerTests {

	static final String VALIDATOR = "org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler";

	static final String LOGIN_MODULE = "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;";

	@TempDir
	static Path directory;

	static TlsMaterial material;

	@BeforeAll
	static void generateMaterial() throws Exception {
		material = TlsMaterial.prepare(directory.resolve("tls"), List.of("localhost", "127.0.0.1"));
	}

	@Test
	void addsAnSslListenerToABrokerWithoutAuthentication() {
		Properties properties = new KraftConfig(directory, directory.resolve("logs"), 29092, 29093, 6)
			.withTls(new TlsListener("127.0.0.1", 29094, material))
			.serverProperties();

		assertThat(properties)
			.containsEntry("listeners",
					"PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093,TLS://127.0.0.1:29094")
			.containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:29092,TLS://127.0.0.1:29094")
			.containsEntry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,TLS:SSL")
			.containsEntry("listener.name.tls.ssl.keystore.type", "PKCS12")
			.containsEntry("listener.name.tls.ssl.keystore.location", material.keystore().toString())
			.containsEntry("listener.name.tls.ssl.keystore.password", material.keystorePassword());
		// a configuration the broker accepts
		KafkaConfig.fromProps(properties, false);
	}

	@Test
	void authenticatesLikeTheSaslPlaintextListenerWhenTheBrokerUsesSasl() {
		Properties properties = new Properties();
		properties.put("listeners", "SASL_PLAINTEXT://127.0.0.1:1,CONTROLLER://127.0.0.1:2,INTERNAL://127.0.0.1:3");
		properties.put("listener.security.protocol.map",
				"SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT,INTERNAL:PLAINTEXT");
		properties.put("sasl.enabled.mechanisms", "OAUTHBEARER");
		properties.put("listener.name.sasl_plaintext.oauthbearer.sasl.server.callback.handler.class", VALIDATOR);
		properties.put("listener.name.sasl_plaintext.oauthbearer.sasl.jaas.config", LOGIN_MODULE);
		properties.put("listener.name.internal.something", "not copied");

		new TlsListener("localhost", 4, material).addTo(properties);

		assertThat(TlsListener.protocol(properties)).isEqualTo("SASL_SSL");
		assertThat(properties.getProperty("listener.security.protocol.map")).endsWith(",TLS:SASL_SSL");
		assertThat(properties.getProperty("listeners")).endsWith(",TLS://localhost:4");
		assertThat(properties)
			.containsEntry("listener.name.tls.oauthbearer.sasl.server.callback.handler.class", VALIDATOR)
			.containsEntry("listener.name.tls.oauthbearer.sasl.jaas.config", LOGIN_MODULE)
			.doesNotContainKey("listener.name.tls.something")
			.containsEntry("listener.name.tls.ssl.keystore.location", material.keystore().toString());
	}

}
