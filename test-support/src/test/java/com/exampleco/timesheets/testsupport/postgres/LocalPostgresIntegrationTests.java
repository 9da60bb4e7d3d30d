package com.exampleco.timesheets.testsupport.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.exampleco.timesheets.launcher.postgres.LocalPostgres;
import com.exampleco.timesheets.launcher.postgres.PostgresBinaries;
import com.exampleco.timesheets.launcher.postgres.ThrowawaySettings;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.TestSocketUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher's throwaway cluster, as the system-tests harness and the bench use it: a
 * real PostgreSQL that enforces constraints, survives a stop and start with its data, and
 * leaves nothing behind when closed.
 */
class LocalPostgresIntegrationTests {

	@Test
	void keepsItsDataAcrossAnOutageAndLeavesNothingBehindWhenClosed() throws SQLException {
		assumeTrue(PostgresBinaries.find().isPresent(), "no PostgreSQL binaries on this machine");
		Path home;
		String url;
		try (LocalPostgres postgres = LocalPostgres.launch(Path.of("target"), TestSocketUtils.findAvailableTcpPort())) {
			home = postgres.logFile().getParent();
			url = postgres.createDatabase("local_postgres_it");
			assertThat(url).startsWith("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/local_postgres_it");
			try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE entries (hours NUMERIC CHECK (hours > 0 AND hours <= 24))");
				statement.execute("INSERT INTO entries VALUES (8)");
				assertThatExceptionOfType(SQLException.class)
					.isThrownBy(() -> statement.execute("INSERT INTO entries VALUES (25)"))
					.withMessageContaining("check constraint");
			}

			postgres.stop();
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(url, postgres.username(), postgres.password()).close());
			postgres.start();

			assertThat(count(url, postgres.username())).isEqualTo(1);
			assertThat(postgres.canStop()).isTrue();
		}
		assertThat(home).doesNotExist();
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close());
	}

	@Test
	void runsWithTheThrowawaySettings() throws SQLException {
		assumeTrue(PostgresBinaries.find().isPresent(), "no PostgreSQL binaries on this machine");
		try (LocalPostgres postgres = LocalPostgres.launch(Path.of("target"), TestSocketUtils.findAvailableTcpPort());
				Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
						postgres.password());
				Statement statement = connection.createStatement()) {
			assertThat(ThrowawaySettings.all()).containsKeys("fsync", "shared_buffers", "max_wal_size");
			ThrowawaySettings.all().forEach((name, value) -> {
				try (ResultSet setting = statement.executeQuery("SELECT current_setting('" + name + "')")) {
					setting.next();
					assertThat(setting.getString(1)).as(name).isEqualTo(value);
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
	}

	private static long count(String url, String user) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, user, "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM entries")) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
