package com.exampleco.timesheets.launcher.postgres;

/**
 * A PostgreSQL server someone else runs, used as given: {@link #jdbcUrl(String)} swaps
 * the database name of the given URL (keeping its parameters), {@link #close()} does
 * nothing, and it cannot be stopped.
 *
 * @param url a JDBC URL of any database on the server
 * @param username the user
 * @param password the password, may be empty
 */
public record ExternalPostgres(String url, String username, String password) implements PostgresServer {

	@Override
	public String jdbcUrl(String database) {
		int slash = this.url.lastIndexOf('/');
		int query = this.url.indexOf('?', slash);
		return this.url.substring(0, slash + 1) + database + ((query >= 0) ? this.url.substring(query) : "");
	}

	@Override
	public boolean canStop() {
		return false;
	}

	@Override
	public void stop() {
		throw new UnsupportedOperationException("cannot stop an external server (" + this.url + ")");
	}

	@Override
	public void start() {
		throw new UnsupportedOperationException("cannot start an external server (" + this.url + ")");
	}

	@Override
	public void close() {
	}

}
