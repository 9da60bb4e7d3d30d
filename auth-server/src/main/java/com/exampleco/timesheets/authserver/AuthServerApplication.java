package com.exampleco.timesheets.authserver;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Local and test stand-in for Auth0: a Spring Authorization Server that issues RS256 JWT
 * access tokens with the client-credentials grant. Never meant for production.
 * <p>
 * Its configuration file is {@code auth-server.yml} (not {@code application.yml}), so it
 * can run inside another application's test JVM without reading that application's
 * configuration. Start it with {@link #start(String...)}.
 */
@SpringBootApplication
public class AuthServerApplication {

	/**
	 * The config name this application reads ({@code auth-server.yml}).
	 */
	public static final String CONFIG_NAME = "auth-server";

	/**
	 * Starts the authorization server with its own config name. Arguments are Spring Boot
	 * command-line arguments and win over everything else, for example
	 * {@code start("--server.port=0")}; the bound port is then the
	 * {@code local.server.port} property of the returned context's environment.
	 * @param args command-line arguments, may be empty
	 * @return the running context, never null; close it to stop the server
	 */
	public static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(AuthServerApplication.class).properties("spring.config.name=" + CONFIG_NAME)
			.run(args);
	}

	public static void main(String[] args) {
		start(args);
	}

}
