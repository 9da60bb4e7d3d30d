/**
 * Service JVMs as OS processes: start with a log file, wait for health, stop gracefully
 * or kill -9, restart; the pipeline's jars and the uploader job's command line.
 */
package com.exampleco.timesheets.launcher.process;
