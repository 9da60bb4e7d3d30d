package com.exampleco.timesheets.testsupport.postgres;

import com.exampleco.timesheets.launcher.postgres.ExternalPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A server named by {@link PostgresForTests#URL_ENV}: used as given, never stopped. */
class ExternalPostgresTests {

	private final ExternalPostgres server = new ExternalPostgres(
			"jdbc:postgresql://db.example.com:5433/app?sslmode=require", "tester", "secret");

	@Test
	void namesOtherDatabasesOnTheSameServerKeepingTheParameters() {
		assertThat(this.server.jdbcUrl("processor_it"))
			.isEqualTo("jdbc:postgresql://db.example.com:5433/processor_it?sslmode=require");
		assertThat(this.server.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5433/postgres?sslmode=require");
	}

	@Test
	void cannotBeStoppedAndIsLeftAloneWhenClosed() {
		assertThat(this.server.canStop()).isFalse();
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(this.server::stop);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(this.server::start);
		this.server.close();
	}

	@Test
	void refusesADatabaseNameThatIsNotAPlainIdentifierBeforeConnecting() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.server.createDatabase("x; DROP DATABASE app"))
			.withMessageContaining("letters, digits and underscores");
	}

}
