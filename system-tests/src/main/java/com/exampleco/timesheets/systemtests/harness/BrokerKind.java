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
	CONTAINER,

	/**
	 * A replicated cluster: launcher's {@code KraftCluster} of three broker processes
	 * (combined broker + controller each), topics with replication factor
	 * {@value #CLUSTER_REPLICAS} and {@code min.insync.replicas}
	 * {@value #CLUSTER_MIN_INSYNC}.
	 */
	CLUSTER;

	/** Brokers of {@link #CLUSTER}, and the replication factor of every topic there. */
	public static final int CLUSTER_REPLICAS = 3;

	/** {@code min.insync.replicas} of {@link #CLUSTER}: one broker may be lost. */
	public static final int CLUSTER_MIN_INSYNC = 2;

	/**
	 * Whether this kind means a container.
	 * @param dockerAvailable whether a Docker engine answers (asked only for
	 * {@link #AUTO})
	 * @return true for a container
	 */
	public boolean container(BooleanSupplier dockerAvailable) {
		return switch (this) {
			case CONTAINER -> true;
			case PROCESS, CLUSTER -> false;
			case AUTO -> dockerAvailable.getAsBoolean();
		};
	}

}
