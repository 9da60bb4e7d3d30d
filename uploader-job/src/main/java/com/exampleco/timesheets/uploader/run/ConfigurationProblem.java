package com.exampleco.timesheets.uploader.run;

/**
 * The job cannot run as configured (missing inbox, no client secret, bad option, inbox
 * locked by another run); it ends with exit code 2 and this message, having moved
 * nothing.
 */
public class ConfigurationProblem extends RuntimeException {

	public ConfigurationProblem(String message) {
		super(message);
	}

}
