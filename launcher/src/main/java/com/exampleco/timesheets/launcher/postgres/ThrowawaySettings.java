package com.exampleco.timesheets.launcher.postgres;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server settings of every PostgreSQL this project starts for tests and the bench
 * ({@link LocalPostgres}; test-support's container uses the same): durability off, and
 * memory sized for the bench's tables (issue 18). Two kinds:
 * <ul>
 * <li><b>not for production</b>: {@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} off (a throwaway cluster need not survive a crash), 200
 * connections (many pools in one test run);</li>
 * <li><b>tuning, also in the production compose file</b> ({@code docker-compose.yml},
 * service {@code postgres}): {@code shared_buffers=1GB} instead of 128 MB, so that the
 * timesheet table and its indexes (≈ 600 MB after a full bench run) stay in PostgreSQL's
 * own cache — with 128 MB the backends evicted and wrote a dirty page themselves for
 * almost every page they touched (a full bench run counted ≈ 1 million
 * {@code buffers_backend}) — and {@code max_wal_size=4GB}, so that a write burst does not
 * force a checkpoint every 1 GB of WAL. Shared memory is touched lazily: an idle test
 * cluster does not occupy the gigabyte.</li>
 * </ul>
 */
public final class ThrowawaySettings {

	private static final Map<String, String> SETTINGS = settings();

	private ThrowawaySettings() {
	}

	private static Map<String, String> settings() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("fsync", "off");
		settings.put("synchronous_commit", "off");
		settings.put("full_page_writes", "off");
		settings.put("max_connections", "200");
		settings.put("shared_buffers", "1GB");
		settings.put("max_wal_size", "4GB");
		return Collections.unmodifiableMap(settings);
	}

	/**
	 * The settings by name, in a fixed order.
	 * @return the settings, unmodifiable
	 */
	public static Map<String, String> all() {
		return SETTINGS;
	}

	/**
	 * The settings as server arguments: {@code -c name=value} for each.
	 * @return the arguments, e.g. for a container's command after {@code postgres}
	 */
	public static List<String> asArguments() {
		List<String> arguments = new ArrayList<>();
		SETTINGS.forEach((name, value) -> {
			arguments.add("-c");
			arguments.add(name + "=" + value);
		});
		return List.copyOf(arguments);
	}

}
