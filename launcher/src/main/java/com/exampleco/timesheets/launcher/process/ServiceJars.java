package com.exampleco.timesheets.launcher.process;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.exampleco.timesheets.launcher.kafka.KafkaClientSecurity;

/**
 * The pipeline's executable jars in one folder ({@code auth-server.jar},
 * {@code ingest-api.jar}, {@code processor.jar}, {@code query-api.jar},
 * {@code uploader-job.jar}) and how each is launched: {@code java <jvmOptions> -jar
 * <app>.jar <arguments>}, its output in {@code <logDirectory>/<name>.log}.
 *
 * @param appsDirectory the folder of the jars
 * @param logDirectory the folder of the logs
 * @param jvmOptions options of every JVM launched
 */
public record ServiceJars(Path appsDirectory, Path logDirectory, List<String> jvmOptions) {

	/** Every application of the pipeline, by jar name. */
	public static final List<String> APPS = List.of("auth-server", "ingest-api", "processor", "query-api",
			"uploader-job");

	/** The people's web app: launched only where asked for, so not in {@link #APPS}. */
	public static final String WEB_APP = "web-app";

	/**
	 * Compact constructor: copies the options.
	 */
	public ServiceJars {
		jvmOptions = List.copyOf(jvmOptions);
	}

	/**
	 * The jar of one application.
	 * @param app the application, e.g. {@code processor}
	 * @return {@code <appsDirectory>/<app>.jar}
	 */
	public Path jar(String app) {
		return this.appsDirectory.resolve(app + ".jar");
	}

	/**
	 * Checks that every application's jar is there.
	 * @param howToBuild what the message tells the user to run
	 * @throws IllegalStateException naming the first missing jar
	 */
	public void requireAll(String howToBuild) {
		for (String app : APPS) {
			require(app, howToBuild);
		}
	}

	/**
	 * Checks that one application's jar is there.
	 * @param app the application
	 * @param howToBuild what the message tells the user to run
	 * @throws IllegalStateException when it is missing
	 */
	public void require(String app, String howToBuild) {
		if (!Files.isRegularFile(jar(app))) {
			throw new IllegalStateException("missing " + jar(app) + ": " + howToBuild);
		}
	}

	/**
	 * A web service on a port, ready once {@code http://127.0.0.1:<port>/actuator/health}
	 * answers 200. Not started.
	 * @param name the process name (several processes may run one app)
	 * @param app the application
	 * @param port its {@code server.port}, the first argument
	 * @param arguments further {@code --name=value} arguments
	 * @return the process
	 */
	public JavaProcess service(String name, String app, int port, List<String> arguments) {
		return service(name, app, port, arguments, Map.of());
	}

	/**
	 * A web service like {@link #service(String, String, int, List)} with extra
	 * environment variables (secrets, which stay off the command line).
	 * @param name the process name
	 * @param app the application
	 * @param port its {@code server.port}
	 * @param arguments further {@code --name=value} arguments
	 * @param environment extra environment variables
	 * @return the process
	 */
	public JavaProcess service(String name, String app, int port, List<String> arguments,
			Map<String, String> environment) {
		List<String> command = command(app);
		command.add("--server.port=" + port);
		command.addAll(arguments);
		return new JavaProcess(name, command, environment, log(name),
				URI.create("http://127.0.0.1:" + port + "/actuator/health"));
	}

	/**
	 * A web service that is a Kafka client, logging in as {@code kafka} when given
	 * ({@link KafkaClientSecurity#serviceArguments()} after {@code arguments}, its secret
	 * in the environment).
	 * @param name the process name
	 * @param app the application
	 * @param port its {@code server.port}
	 * @param arguments further {@code --name=value} arguments
	 * @param kafka the Kafka client's login, or null for none (an unsecured broker)
	 * @return the process
	 */
	public JavaProcess service(String name, String app, int port, List<String> arguments, KafkaClientSecurity kafka) {
		if (kafka == null) {
			return service(name, app, port, arguments);
		}
		List<String> all = new ArrayList<>(arguments);
		all.addAll(kafka.serviceArguments());
		return service(name, app, port, all, kafka.serviceEnvironment());
	}

	/**
	 * A command-line application that runs to its end (no HTTP). Not started.
	 * @param name the process name
	 * @param app the application
	 * @param arguments its arguments
	 * @param environment extra environment variables (secrets)
	 * @return the process
	 */
	public JavaProcess job(String name, String app, List<String> arguments, Map<String, String> environment) {
		List<String> command = command(app);
		command.addAll(arguments);
		return new JavaProcess(name, command, environment, log(name), null);
	}

	/**
	 * The log file of a process.
	 * @param name the process name
	 * @return {@code <logDirectory>/<name>.log}
	 */
	public Path log(String name) {
		return this.logDirectory.resolve(name + ".log");
	}

	private List<String> command(String app) {
		List<String> command = JavaProcess.javaCommand(this.jvmOptions);
		command.add("-jar");
		command.add(jar(app).toString());
		return command;
	}

}
