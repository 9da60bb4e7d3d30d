/**
 * Launching the pipeline as processes, written once for local-stack, system-tests and
 * bench: service JVMs, a KRaft broker, a throwaway PostgreSQL, free ports and a
 * client-credentials token client.
 */
package com.exampleco.timesheets.launcher;
