package com.exampleco.timesheets.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * After the last system test: prints the figures table (and writes it to
 * {@code target/system-tests-figures.txt}), then stops the pipeline.
 */
public class FiguresListener implements TestExecutionListener {

	@Override
	public void testPlanExecutionFinished(TestPlan testPlan) {
		String table = Figures.table();
		System.out.println();
		System.out.println(table);
		try {
			Files.writeString(Path.of("target", "system-tests-figures.txt"), table, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			System.out.println("cannot write target/system-tests-figures.txt: " + ex.getMessage());
		}
		SystemTestPipeline.stop();
	}

}
