package com.exampleco.timesheets.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.exampleco.timesheets.launcher.postgres.PostgresBinaries;
import com.exampleco.timesheets.testsupport.kafka.KafkaExtension;
import com.exampleco.timesheets.testsupport.kafka.KafkaForTests;
import com.exampleco.timesheets.testsupport.postgres.PostgresExtension;
import com.exampleco.timesheets.testsupport.postgres.PostgresForTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * {@link PostgresExtension} and {@link KafkaExtension} give every test class of a run the
 * same server and close it when the run ends, not at JVM exit: two test classes run here
 * in a JUnit run of their own, and afterwards nothing listens any more.
 */
class SharedFixtureLifecycleTests {

	static final List<PostgresForTests> databasesSeen = new CopyOnWriteArrayList<>();

	static final List<KafkaForTests> brokersSeen = new CopyOnWriteArrayList<>();

	@Test
	void everyClassOfARunSharesOneDatabaseAndItIsClosedWhenTheRunEnds() {
		assumeTrue(System.getenv(PostgresForTests.URL_ENV) == null, "an external server is never closed");
		assumeTrue(PostgresBinaries.find().isPresent() || Docker.available(), "no PostgreSQL on this machine");
		databasesSeen.clear();

		run(FirstDatabaseUser.class, SecondDatabaseUser.class);

		assertThat(databasesSeen).hasSize(2);
		assertThat(databasesSeen.get(0)).isSameAs(databasesSeen.get(1));
		PostgresForTests server = databasesSeen.get(0);
		assertThatExceptionOfType(SQLException.class).isThrownBy(
				() -> DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password()).close());
	}

	@Test
	void everyClassOfARunSharesOneBrokerAndItIsClosedWhenTheRunEnds() {
		assumeTrue(System.getenv(KafkaForTests.BOOTSTRAP_ENV) == null, "an external cluster is never closed");
		brokersSeen.clear();

		run(FirstBrokerUser.class, SecondBrokerUser.class);

		assertThat(brokersSeen).hasSize(2);
		assertThat(brokersSeen.get(0)).isSameAs(brokersSeen.get(1));
		String[] hostAndPort = brokersSeen.get(0).bootstrapServers().split(",")[0].split(":");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(hostAndPort[0], Integer.parseInt(hostAndPort[1])), 2000);
			}
		});
	}

	private static void run(Class<?>... testClasses) {
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
			.selectors(List.of(testClasses).stream().map((type) -> selectClass(type)).toList())
			.build();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create().execute(request, listener);
		List<Throwable> failures = new ArrayList<>();
		listener.getSummary().getFailures().forEach((failure) -> failures.add(failure.getException()));
		assertThat(failures).isEmpty();
		assertThat(listener.getSummary().getTestsSucceededCount()).isEqualTo(testClasses.length);
	}

	static class FirstDatabaseUser {

		@RegisterExtension
		static final PostgresExtension postgres = new PostgresExtension();

		@Test
		void connects() throws SQLException {
			PostgresForTests server = postgres.server();
			DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password()).close();
			databasesSeen.add(server);
		}

	}

	static class SecondDatabaseUser extends FirstDatabaseUser {

	}

	static class FirstBrokerUser {

		@RegisterExtension
		static final KafkaExtension kafka = new KafkaExtension();

		@Test
		void knowsItsBroker() {
			assertThat(kafka.bootstrapServers()).isNotBlank();
			brokersSeen.add(kafka.broker());
		}

	}

	static class SecondBrokerUser extends FirstBrokerUser {

	}

}
