package com.exampleco.timesheets.bench;

import java.util.Map;

/**
 * A raw baseline as the figures compared with it need it.
 *
 * @param perSecond its rate
 * @param cpuPer1000 its CPU per 1,000 units ({@link Cpu#per1000})
 */
record Measured(double perSecond, Map<String, Object> cpuPer1000) {

	/** Raw CPU per unit / the pipeline's, for a figure's details. */
	double cpuRatioOver(Map<String, Object> pipelineCpuPer1000) {
		return Cpu.rawOverPipeline(this.cpuPer1000, pipelineCpuPer1000);
	}

}
