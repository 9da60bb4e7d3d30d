package com.exampleco.timesheets.uploader.run;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.exampleco.timesheets.uploader.auth.AuthenticationProblem;
import org.junit.jupiter.api.Test;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeEvent;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@link RunExitCodes} is the application's {@code ExitCodeExceptionMapper}: Spring Boot
 * asks it for the exit code of an exception that escapes a runner.
 */
class RunExitCodesTests {

	@Test
	void isWhatBootAsksForTheCodeOfAnExceptionThatEscapesARunner() {
		assertThat(exitCodeBootGives(new AuthenticationProblem(AuthenticationProblem.Kind.TOKEN_REFUSED, "refused")))
			.isEqualTo(RunExitCodes.EXIT_CANNOT_RUN);
		assertThat(exitCodeBootGives(new IllegalStateException(new ConfigurationProblem("no inbox"))))
			.isEqualTo(RunExitCodes.EXIT_CANNOT_RUN);
		assertThat(exitCodeBootGives(new IllegalStateException("a bug"))).isEqualTo(RunExitCodes.EXIT_SOME_FAILED);
	}

	/**
	 * Runs an application of {@link RunExitCodes} and a runner that throws, off the main
	 * thread (Boot registers exit codes with the main thread's exception handler).
	 */
	private static int exitCodeBootGives(RuntimeException failure) {
		AtomicInteger code = new AtomicInteger(-1);
		SpringApplication application = new SpringApplication(RunExitCodes.class, FailingRunner.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("spring.main.banner-mode", "off"));
		application.addListeners((ApplicationListener<ExitCodeEvent>) (event) -> code.set(event.getExitCode()));
		FailingRunner.failure = failure;
		assertThatException().isThrownBy(() -> CompletableFuture.runAsync(application::run).join())
			.havingRootCause()
			.isSameAs(failure.getCause() != null ? failure.getCause() : failure);
		return code.get();
	}

	@Configuration(proxyBeanMethods = false)
	static class FailingRunner {

		static volatile RuntimeException failure;

		@Bean
		ApplicationRunner failing() {
			return (args) -> {
				throw failure;
			};
		}

	}

}
