package com.exampleco.timesheets.testsupport.postgres;

import java.util.ArrayList;
import java.util.List;

import com.exampleco.timesheets.launcher.postgres.PostgresServer;
import com.exampleco.timesheets.launcher.postgres.ThrowawaySettings;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Testcontainers' PostgreSQL ({@value #IMAGE}). {@link #stop()} pauses the container,
 * which keeps its mapped port: connections hang instead of being refused.
 */
final class ContainerPostgres implements PostgresServer {

	static final String IMAGE = "postgres:15-alpine";

	private final PostgreSQLContainer container;

	private ContainerPostgres(PostgreSQLContainer container) {
		this.container = container;
	}

	static ContainerPostgres begin() {
		PostgreSQLContainer container = new PostgreSQLContainer(IMAGE).withUsername("postgres")
			.withPassword("postgres")
			.withDatabaseName(DEFAULT_DATABASE);
		// the same settings as a local throwaway cluster (the image's default command
		// would set fsync=off only)
		List<String> command = new ArrayList<>(List.of("postgres"));
		command.addAll(ThrowawaySettings.asArguments());
		container.withCommand(command.toArray(String[]::new));
		container.start();
		return new ContainerPostgres(container);
	}

	@Override
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://" + this.container.getHost() + ":" + this.container.getMappedPort(5432) + "/"
				+ database;
	}

	@Override
	public String username() {
		return this.container.getUsername();
	}

	@Override
	public String password() {
		return this.container.getPassword();
	}

	@Override
	public void stop() {
		this.container.getDockerClient().pauseContainerCmd(this.container.getContainerId()).exec();
	}

	@Override
	public void start() {
		this.container.getDockerClient().unpauseContainerCmd(this.container.getContainerId()).exec();
	}

	@Override
	public void close() {
		this.container.stop();
	}

	@Override
	public String toString() {
		return "PostgreSQL container " + IMAGE;
	}

}
