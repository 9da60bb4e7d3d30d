package com.exampleco.timesheets.launcher.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.exampleco.timesheets.launcher.process.JavaProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The pipeline's single-node Kafka 4 cluster (KRaft) when the caller needs to stop and
 * start it: {@link ProcessKafkaBroker} here, a container in system-tests. Either way its
 * address and its data survive {@link #stop()} / {@link #start()}, so an outage looks
 * like a real broker restart to the services: connections refused, then the same topics,
 * transactions and group offsets.
 */
public interface KafkaBroker {

	/**
	 * The bootstrap servers clients use.
	 * @return {@code host:port}
	 */
	String bootstrapServers();

	/**
	 * Where the broker answers on this host without credentials: a secured
	 * {@link ProcessKafkaBroker}'s loopback internal listener (its anonymous principal is
	 * a super user), else {@link #bootstrapServers()}. For the launcher's own checks and
	 * an operator's tools on the same host, never for the pipeline's clients.
	 * @return {@code host:port}
	 */
	default String unauthenticatedBootstrapServers() {
		return bootstrapServers();
	}

	/**
	 * Starts the broker the first time without waiting; {@link #awaitReady(Duration)}
	 * waits.
	 */
	void launch();

	/**
	 * Waits until the broker answers metadata requests.
	 * @param timeout how long to wait
	 * @throws IllegalStateException when it does not answer in time or exits
	 */
	void awaitReady(Duration timeout);

	/**
	 * Starts the broker again after {@link #stop()} (same address, same data) and waits
	 * until it answers.
	 */
	void start();

	/**
	 * Stops the broker gracefully (controlled shutdown) and returns when it is gone:
	 * clients see connections refused until {@link #start()}.
	 */
	void stop();

	/**
	 * Whether the broker runs.
	 * @return true while it runs
	 */
	boolean isRunning();

	/**
	 * Stops the broker for good and releases what it holds (the process, the container).
	 * Idempotent.
	 */
	void close();

	/**
	 * The broker's OS process, for CPU and memory accounting.
	 * @return the process; empty for a container
	 */
	Optional<JavaProcess> process();

	/**
	 * Whether a broker at the address answers a metadata request.
	 * @param bootstrapServers the address
	 * @return true when it lists at least one node within a few seconds
	 */
	static boolean answers(String bootstrapServers) {
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				5000);
		try (Admin admin = Admin.create(config)) {
			return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			return false;
		}
	}

}
