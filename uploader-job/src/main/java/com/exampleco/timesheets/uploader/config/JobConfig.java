package com.exampleco.timesheets.uploader.config;

import java.time.Clock;

import com.exampleco.timesheets.events.entry.EntryLimits;
import com.exampleco.timesheets.events.entry.EntryValidator;
import com.exampleco.timesheets.uploader.run.Console;
import com.exampleco.timesheets.uploader.upload.FilePreparer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job's plain collaborators. Files are validated with the same shared rules and
 * default bounds as the ingest API, so a file valid here is valid there.
 */
@Configuration(proxyBeanMethods = false)
class JobConfig {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	FilePreparer filePreparer(Clock clock) {
		return new FilePreparer(new EntryValidator(EntryLimits.DEFAULTS, clock));
	}

	@Bean
	Console console() {
		return new Console();
	}

}
