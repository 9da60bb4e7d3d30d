package com.exampleco.timesheets.webapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The timesheets web app: server-rendered pages for employees and managers, and the
 * contractor portal under {@code /contractor/}. People sign in at the issuer
 * (authorization code grant with PKCE); their tokens are relayed to the ingest and query
 * APIs. It keeps no timesheet data of its own.
 * <p>
 * Its configuration file is {@code web-app.yml} (not {@code application.yml}), so it can
 * run in another application's test JVM without reading that application's configuration.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebAppApplication {

	/** The config name this application reads ({@code web-app.yml}). */
	public static final String CONFIG_NAME = "web-app";

	/**
	 * Starts the web app with its own config name. Arguments are Spring Boot command-line
	 * arguments and win over everything else, for example
	 * {@code start("--server.port=0")}.
	 * @param args command-line arguments, may be empty
	 * @return the running context, never null; close it to stop the app
	 */
	public static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(WebAppApplication.class).properties("spring.config.name=" + CONFIG_NAME)
			.run(args);
	}

	public static void main(String[] args) {
		start(args);
	}

}
