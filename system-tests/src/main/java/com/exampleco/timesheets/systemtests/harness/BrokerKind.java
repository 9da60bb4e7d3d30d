package com.exampleco.timesheets.systemtests.harness;

import java.util.function.BooleanSupplier;

/**
 * Which broker the harness starts ({@link PipelineOptions#broker()}).
 */
public enum BrokerKind {

	/** A container where Docker answers, else a process. */
	AUTO,

	/** Always the standalone broker process (what the bench measures). */
	PROCESS,

	/** Always Testcontainers' Kafka; fails to start without Docker. */
	CONTAINER;

	/**
	 * Whether this kind means a container.
	 * @param dockerAvailable whether a Docker engine answers (asked only for
	 * {@link #AUTO})
	 * @return true for a container
	 */
	public boolean container(BooleanSupplier dockerAvailable) {
		return switch (this) {
			case CONTAINER -> true;
			case PROCESS -> false;
			case AUTO -> dockerAvailable.getAsBoolean();
		};
	}

}
