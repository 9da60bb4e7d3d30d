/**
 * The pipeline's KRaft brokers: one configuration ({@link KraftConfig}), run in process
 * or as a child JVM, as the single node or as a node of a replicated
 * {@link KraftCluster}.
 */
package com.exampleco.timesheets.launcher.kafka;
