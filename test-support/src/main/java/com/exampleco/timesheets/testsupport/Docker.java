package com.exampleco.timesheets.testsupport;

import org.testcontainers.DockerClientFactory;

/**
 * Whether the tests can start containers: the one check behind every "Testcontainers
 * where Docker exists, something local elsewhere" choice ({@code PostgresForTests},
 * {@code KafkaForTests}, the system-tests harness's broker).
 */
public final class Docker {

	private Docker() {
	}

	/**
	 * Whether a Docker engine answers (Testcontainers' own check, cached by it).
	 * @return true when containers can be started; false also when the check itself fails
	 */
	public static boolean available() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable ex) {
			return false;
		}
	}

}
