package com.exampleco.timesheets.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The query API: read-only, scope-protected access to the timesheet state the processor
 * writes. It never writes to the database and never touches Kafka.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryApplication {

	public static void main(String[] args) {
		SpringApplication.run(QueryApplication.class, args);
	}

}
