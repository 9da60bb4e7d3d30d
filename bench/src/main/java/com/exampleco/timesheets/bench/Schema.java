package com.exampleco.timesheets.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.flywaydb.core.Flyway;

/**
 * Migrates the pipeline's database with the processor's own Flyway scripts, taken from
 * its executable jar, before any processor runs: the raw baselines need the schema, and
 * starting a processor only to migrate (then stopping it for the pre-fill) cost the run a
 * whole JVM start. The processor later finds the same scripts applied (same checksums)
 * and migrates nothing.
 */
final class Schema {

	private static final String MIGRATIONS = "BOOT-INF/classes/db/migration/";

	private Schema() {
	}

	/**
	 * Applies the processor jar's migrations.
	 * @param processorJar the processor's executable jar
	 * @param db the database
	 * @param work a folder for the extracted scripts
	 * @return the number of migrations applied
	 * @throws IOException when the jar cannot be read
	 */
	static int migrate(Path processorJar, RawBaselines.Db db, Path work) throws IOException {
		Path scripts = work.resolve("migrations");
		Files.createDirectories(scripts);
		int found = 0;
		try (ZipFile jar = new ZipFile(processorJar.toFile())) {
			Enumeration<? extends ZipEntry> entries = jar.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				String name = entry.getName();
				if (name.startsWith(MIGRATIONS) && name.endsWith(".sql") && !entry.isDirectory()) {
					try (InputStream in = jar.getInputStream(entry)) {
						Files.copy(in, scripts.resolve(name.substring(MIGRATIONS.length())),
								StandardCopyOption.REPLACE_EXISTING);
					}
					found++;
				}
			}
		}
		if (found == 0) {
			throw new IOException("no Flyway scripts under " + MIGRATIONS + " in " + processorJar);
		}
		return Flyway.configure()
			.dataSource(db.url(), db.user(), db.password())
			.locations("filesystem:" + scripts.toAbsolutePath())
			.load()
			.migrate().migrationsExecuted;
	}

}
