package com.exampleco.timesheets.launcher.process;

import java.util.concurrent.TimeUnit;

/**
 * The program {@link JavaProcessTests} launches: prints its pid, then {@code exit N}
 * exits with N, {@code sleep} waits until it is stopped (its shutdown hook prints a
 * line).
 */
public final class TestMain {

	private TestMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		System.out.println("pid " + ProcessHandle.current().pid());
		if (args[0].equals("exit")) {
			System.exit(Integer.parseInt(args[1]));
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
		System.out.println("sleeping");
		TimeUnit.MINUTES.sleep(5);
	}

}
