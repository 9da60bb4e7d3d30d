package com.exampleco.timesheets.launcher.kafka;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A TLS listener named {@value #NAME} beside the {@link KraftConfig} broker's other
 * listeners, for clients whose tokens cross a network. Its protocol follows the rest of
 * the configuration, so TLS never weakens authentication:
 * <ul>
 * <li>{@code SASL_SSL} when the broker authenticates clients with SASL
 * ({@code sasl.enabled.mechanisms} is set): the listener takes every
 * {@code listener.name.<x>.*} setting of the broker's {@code SASL_PLAINTEXT} listener
 * (its OAUTHBEARER validator, JAAS configuration), so it authenticates exactly like it;
 * </li>
 * <li>{@code SSL} otherwise (a broker without authentication: encryption only).</li>
 * </ul>
 * The keystore is the broker certificate of a {@link TlsMaterial}; clients add
 * {@link TlsMaterial#clientProperties()}.
 *
 * @param host the address the listener binds and advertises; must be one of the broker
 * certificate's names (clients verify it)
 * @param port the listener's port
 * @param material the broker certificate and the CA clients trust
 */
public record TlsListener(String host, int port, TlsMaterial material) {

	/** The listener's name in {@code listeners} and {@code listener.name.tls.*}. */
	public static final String NAME = "TLS";

	private static final String PREFIX = "listener.name." + NAME.toLowerCase(Locale.ROOT) + ".";

	/**
	 * The address clients bootstrap from.
	 * @return {@code host:port}
	 */
	public String bootstrapServers() {
		return this.host + ":" + this.port;
	}

	/**
	 * The protocol clients of this listener set as {@code security.protocol}.
	 * @param serverProperties the broker's configuration
	 * @return {@code SASL_SSL} or {@code SSL}
	 */
	public static String protocol(Properties serverProperties) {
		return serverProperties.containsKey("sasl.enabled.mechanisms") ? "SASL_SSL" : "SSL";
	}

	/**
	 * Adds the listener to a broker configuration: {@code listeners},
	 * {@code advertised.listeners}, {@code listener.security.protocol.map} and its
	 * {@code listener.name.tls.*} settings.
	 * @param serverProperties the broker's configuration, changed in place
	 */
	public void addTo(Properties serverProperties) {
		String protocol = protocol(serverProperties);
		String endpoint = NAME + "://" + bootstrapServers();
		append(serverProperties, "listeners", endpoint);
		append(serverProperties, "advertised.listeners", endpoint);
		append(serverProperties, "listener.security.protocol.map", NAME + ":" + protocol);
		if (protocol.equals("SASL_SSL")) {
			serverProperties.putAll(saslSettingsOfPlaintextListener(serverProperties));
		}
		serverProperties.put(PREFIX + "ssl.keystore.type", "PKCS12");
		serverProperties.put(PREFIX + "ssl.keystore.location", this.material.keystore().toString());
		serverProperties.put(PREFIX + "ssl.keystore.password", this.material.keystorePassword());
	}

	private static Map<String, String> saslSettingsOfPlaintextListener(Properties serverProperties) {
		Map<String, String> copied = new LinkedHashMap<>();
		for (String mapping : serverProperties.getProperty("listener.security.protocol.map", "").split(",")) {
			String[] pair = mapping.strip().split(":", 2);
			if (pair.length == 2 && pair[1].equals("SASL_PLAINTEXT")) {
				String source = "listener.name." + pair[0].toLowerCase(Locale.ROOT) + ".";
				serverProperties.stringPropertyNames()
					.stream()
					.filter((key) -> key.startsWith(source))
					.forEach((key) -> copied.put(PREFIX + key.substring(source.length()),
							serverProperties.getProperty(key)));
				return copied;
			}
		}
		return copied;
	}

	private static void append(Properties properties, String key, String value) {
		String current = properties.getProperty(key, "");
		properties.put(key, current.isBlank() ? value : current + "," + value);
	}

}
