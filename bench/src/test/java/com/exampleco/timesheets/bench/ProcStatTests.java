package com.exampleco.timesheets.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

class ProcStatTests {

	@Test
	void readsNameAndCpuTimesInMilliseconds() {
		ProcStat stat = ProcStat.parse(
				"4242 (C2 CompilerThre) S 1 4242 4242 0 -1 4194560 11883 712331 0 26 120 35 7 3 20 0 1 0 967301 5316608\n");
		assertThat(stat.name()).isEqualTo("C2 CompilerThre");
		assertThat(stat.cpuMillis()).isEqualTo(1_550);
		assertThat(stat.reapedChildrenCpuMillis()).isEqualTo(100);
	}

	@Test
	void aNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
		ProcStat stat = ProcStat.parse("7 (odd) name (x)) R 1 7 7 0 -1 0 0 0 0 0 2 3 4 5 20 0 1 0 1 1");
		assertThat(stat.name()).isEqualTo("odd) name (x)");
		assertThat(stat.cpuMillis()).isEqualTo(50);
		assertThat(stat.reapedChildrenCpuMillis()).isEqualTo(90);
	}

	@Test
	void refusesWhatIsNoStatLine() {
		assertThatRuntimeException().isThrownBy(() -> ProcStat.parse("not a stat line"));
	}

	@Test
	void threadsOfOnePoolShareAGroup() {
		assertThat(stat("http-nio-8080-e").threadGroup()).isEqualTo("http-nio-N-e");
		assertThat(stat("GC Thread#1").threadGroup()).isEqualTo(stat("GC Thread#12").threadGroup());
		assertThat(stat("C2 CompilerThre").threadGroup()).isEqualTo("C2 CompilerThre");
		assertThat(stat("G1 Conc#0").threadGroup()).isEqualTo("G1 Conc#N");
		assertThat(ProcStat.isJitCompiler(stat("C1 CompilerThre").threadGroup())).isTrue();
		assertThat(ProcStat.isJitCompiler(stat("C2 CompilerThre").threadGroup())).isTrue();
		assertThat(ProcStat.isJitCompiler(stat("VM Thread").threadGroup())).isFalse();
	}

	@Test
	void postgresClientBackendsAreToldFromBackgroundWork() {
		assertThat(Machine.isPostgresClientBackend("postgres: postgres timesheets 127.0.0.1(51234) idle")).isTrue();
		assertThat(Machine.isPostgresClientBackend("postgres: bench: timesheets_query timesheets [local] SELECT"))
			.isTrue();
		assertThat(Machine.isPostgresClientBackend("postgres: checkpointer")).isFalse();
		assertThat(Machine.isPostgresClientBackend("postgres: autovacuum worker timesheets")).isFalse();
		assertThat(Machine.isPostgresClientBackend("postgres: logical replication launcher")).isFalse();
		assertThat(Machine.isPostgresClientBackend("")).isFalse();
	}

	private static ProcStat stat(String name) {
		return new ProcStat(name, 0, 0);
	}

}
