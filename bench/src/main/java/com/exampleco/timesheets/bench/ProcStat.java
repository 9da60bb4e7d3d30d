package com.exampleco.timesheets.bench;

/**
 * The fields of a {@code /proc/<pid>/stat} (or {@code /proc/<pid>/task/<tid>/stat}) line
 * the bench reads: the name and the CPU times, in milliseconds (clock ticks of 1/100 s).
 *
 * @param name the process's or thread's name ({@code comm}, at most 15 characters)
 * @param cpuMillis user + system time
 * @param reapedChildrenCpuMillis user + system time of the children that have exited and
 * been waited for (cutime + cstime)
 */
record ProcStat(String name, long cpuMillis, long reapedChildrenCpuMillis) {

	private static final int MILLIS_PER_TICK = 10;

	/**
	 * Parses one stat line; the name is in parentheses and may itself contain spaces and
	 * parentheses, so the fields are counted from the last ')'.
	 * @throws RuntimeException when the line is not a stat line
	 */
	static ProcStat parse(String line) {
		int open = line.indexOf('(');
		int close = line.lastIndexOf(')');
		String[] fields = line.substring(close + 2).trim().split(" ");
		// fields[0] is field 3 (state); utime, stime, cutime, cstime are fields 14 to 17
		return new ProcStat(line.substring(open + 1, close),
				(Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK,
				(Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * MILLIS_PER_TICK);
	}

	/**
	 * The thread's group: its name with every run of digits that does not follow a
	 * capital letter as {@code N}, so that the workers of one pool add up
	 * ({@code GC Thread#N}, {@code http-nio-N-exec}, {@code publish-N}) while HotSpot's
	 * {@code C1}/{@code C2} compilers and {@code G1} threads keep their names.
	 */
	String threadGroup() {
		return this.name.replaceAll("(?<![A-Z])[0-9]+", "N");
	}

	/**
	 * Whether a thread group is HotSpot's JIT compiler threads (C1, C2: named
	 * {@code C2 CompilerThread0}, seen as {@code C2 CompilerThre}).
	 */
	static boolean isJitCompiler(String threadGroup) {
		return threadGroup.contains("CompilerThre");
	}

}
