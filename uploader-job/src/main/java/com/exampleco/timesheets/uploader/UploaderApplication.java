package com.exampleco.timesheets.uploader;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.validation.FieldError;

/**
 * The uploader job: {@code java -jar uploader-job.jar --inbox DIR [--batch-size N]
 * [--await] [--dry-run]}. Runs once over the inbox and exits with 0 (every file done), 1
 * (some file failed or stayed in the inbox) or 2 (could not run: configuration,
 * authentication, inbox locked).
 * <p>
 * Its configuration file is {@code uploader-job.yml} (not {@code application.yml}), so it
 * can run in a JVM beside other applications without reading their configuration.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class UploaderApplication {

	/** The config name this application reads ({@code uploader-job.yml}). */
	public static final String CONFIG_NAME = "uploader-job";

	public static void main(String[] args) {
		System.exit(run(args));
	}

	/**
	 * Runs the job once, in this JVM, and returns instead of exiting.
	 * @param args the job's command line (see {@code --help})
	 * @return the exit code: 0, 1 or 2
	 */
	public static int run(String... args) {
		List<String> springArgs;
		try {
			springArgs = CommandLine.toSpringArguments(args);
		}
		catch (CommandLine.UsageException ex) {
			System.err.println("usage error: " + ex.getMessage());
			System.err.println(CommandLine.USAGE);
			return 2;
		}
		if (springArgs == null) {
			System.out.println(CommandLine.USAGE);
			return 0;
		}
		ConfigurableApplicationContext context;
		try {
			context = new SpringApplicationBuilder(UploaderApplication.class)
				.properties("spring.config.name=" + CONFIG_NAME)
				.run(springArgs.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			System.err.println("configuration error: the job could not start: " + describe(ex));
			return 2;
		}
		return SpringApplication.exit(context);
	}

	private static String describe(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindValidationException invalid) {
				return invalid.getValidationErrors()
					.getAllErrors()
					.stream()
					.map((error) -> (error instanceof FieldError field) ? invalid.getValidationErrors().getName() + "."
							+ field.getField() + " " + field.getDefaultMessage() : error.getDefaultMessage())
					.collect(Collectors.joining("; "));
			}
		}
		return NestedExceptionUtils.getMostSpecificCause(ex).getMessage();
	}

}
