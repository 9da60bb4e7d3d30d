package com.exampleco.timesheets.uploader.run;

import com.exampleco.timesheets.uploader.auth.AuthenticationProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ExitCodeExceptionMapper;
import org.springframework.stereotype.Component;

/**
 * The job's exit codes, and which code an exception that stops a run ends it with: 2 when
 * the job could not run ({@link ConfigurationProblem}, {@link AuthenticationProblem}
 * anywhere in the cause chain), 1 for anything else (interrupted, a bug or an answer
 * nobody foresaw: unfinished files stay in the inbox). A run that ends normally gets its
 * code from {@link RunTally#exitCode()}.
 * <p>
 * {@link UploadJob} asks this mapper for the code of an exception it caught; as a bean it
 * is also what Spring Boot asks should an exception ever escape the runner.
 */
@Component
class RunExitCodes implements ExitCodeExceptionMapper {

	static final int EXIT_OK = 0;

	static final int EXIT_SOME_FAILED = 1;

	static final int EXIT_CANNOT_RUN = 2;

	@Override
	public int getExitCode(Throwable exception) {
		boolean cannotRun = causeOf(exception, ConfigurationProblem.class) != null
				|| causeOf(exception, AuthenticationProblem.class) != null;
		return cannotRun ? EXIT_CANNOT_RUN : EXIT_SOME_FAILED;
	}

	/**
	 * The first exception of a type in a cause chain.
	 * @param <T> the type
	 * @param exception the top of the chain
	 * @param type the type looked for
	 * @return the exception, or null when the chain holds none
	 */
	static <T extends Throwable> @Nullable T causeOf(Throwable exception, Class<T> type) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
