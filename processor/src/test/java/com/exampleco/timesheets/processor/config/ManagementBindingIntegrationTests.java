package com.exampleco.timesheets.processor.config;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.exampleco.timesheets.testsupport.kafka.KafkaExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The processor checks no tokens, so its HTTP server (actuator only: health with details,
 * Prometheus metrics) listens on loopback by default: answered there, refused on every
 * other address of the host.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"timesheets.processor.group-id=processor-it-management",
		"spring.datasource.url=jdbc:h2:mem:processor-management;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class ManagementBindingIntegrationTests {

	@RegisterExtension
	static final KafkaExtension kafka = new KafkaExtension();

	@LocalServerPort
	int port;

	@Autowired
	WebServerApplicationContext context;

	final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> kafka.bootstrapServers());
	}

	@Test
	void bindsTheServerToLoopbackByDefault() {
		TomcatWebServer server = (TomcatWebServer) this.context.getWebServer();
		Object address = server.getTomcat().getConnector().getProperty("address");
		assertThat(address).isInstanceOfSatisfying(InetAddress.class,
				(bound) -> assertThat(bound.isLoopbackAddress()).as("bound to %s", bound).isTrue());
	}

	@Test
	void answersHealthAndMetricsOnLoopback() throws Exception {
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"listeners\"");
		assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(200);
	}

	@Test
	void refusesConnectionsOnEveryOtherAddressOfTheHost() throws SocketException {
		List<InetAddress> others = new ArrayList<>();
		for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (nic.isUp()) {
				nic.inetAddresses()
					.filter((address) -> !address.isLoopbackAddress())
					// link-local IPv6 needs a scope to connect to; the IPv4 and global
					// addresses say enough
					.filter((address) -> !(address instanceof Inet6Address && address.isLinkLocalAddress()))
					.forEach(others::add);
			}
		}
		assumeThat(others).as("this host has a non-loopback address").isNotEmpty();
		for (InetAddress address : others) {
			assertThatExceptionOfType(IOException.class).as("connect to %s:%d", address, this.port).isThrownBy(() -> {
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress(address, this.port), 2000);
				}
			});
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
