package com.exampleco.timesheets.processor.bench;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.exampleco.timesheets.events.Actor;
import com.exampleco.timesheets.events.CloudEventHeaders;
import com.exampleco.timesheets.events.TimesheetEntry;
import com.exampleco.timesheets.events.TimesheetEventCodec;
import com.exampleco.timesheets.events.TimesheetSubmitted;
import com.exampleco.timesheets.events.Topics;
import com.exampleco.timesheets.processor.ProcessorApplication;
import com.exampleco.timesheets.testsupport.kafka.KafkaForTests;
import com.exampleco.timesheets.testsupport.postgres.PostgresForTests;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Measures the processor's rate outside the test suite: N submissions (default 100,000,
 * first argument) are produced to an in-JVM broker first, then the real processor starts
 * against a throwaway PostgreSQL (or {@code TIMESHEETS_TEST_JDBC_URL}) and the time until
 * every event is recorded is reported. See the module README for the command.
 */
public final class ProcessorThroughput {

	private ProcessorThroughput() {
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	public static void main(String[] args) throws Exception {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		String concurrency = (args.length > 1) ? args[1] : "3";
		String bootstrap = KafkaForTests.shared().bootstrapServers();
		PostgresForTests postgres = PostgresForTests.shared();
		String url = postgres.createDatabase("processor_bench");

		try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			admin.createTopics(java.util.List.of(new NewTopic(Topics.TIMESHEET_EVENTS, 6, (short) 1))).all().get();
		}
		TimesheetEventCodec codec = new TimesheetEventCodec();
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
		config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		long produceStart = System.nanoTime();
		UUID batch = UUID.randomUUID();
		Actor actor = Actor.client("bench");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
			for (int i = 0; i < count; i++) {
				TimesheetSubmitted event = new TimesheetSubmitted(UUID.randomUUID(), UUID.randomUUID(), batch,
						Instant.now(), actor, 1, new TimesheetEntry("bench-" + i, "emp-" + (i % 500), "PRJ-" + (i % 20),
								LocalDate.of(2025, 1, 1).plusDays(i % 365), new BigDecimal("7.5"), null));
				ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TIMESHEET_EVENTS,
						event.timesheetId().toString(), codec.encode(event));
				CloudEventHeaders.of(event, "/bench")
					.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
				producer.send(record);
			}
			producer.flush();
		}
		System.out.printf("produced %d submissions in %.1f s%n", count, (System.nanoTime() - produceStart) / 1e9);

		long start = System.nanoTime();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ProcessorApplication.class).run(
				"--server.port=0", "--spring.kafka.bootstrap-servers=" + bootstrap, "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + postgres.username(),
				"--spring.datasource.password=" + postgres.password(),
				"--timesheets.processor.concurrency=" + concurrency, "--logging.level.root=WARN")) {
			long started = System.nanoTime();
			long cpuStarted = processCpuNanos();
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			long done = 0;
			while (done < count) {
				Thread.sleep(200);
				done = jdbc.queryForObject("SELECT COUNT(*) FROM applied_events", Long.class);
			}
			long end = System.nanoTime();
			long cpu = processCpuNanos() - cpuStarted;
			System.out.printf(
					"context started in %.1f s; applied %d submissions in %.1f s after start: %.0f events/s%n",
					(started - start) / 1e9, count, (end - started) / 1e9, count / ((end - started) / 1e9));
			// less sensitive to other load on the machine than the rate: CPU of this JVM
			// (processor, in-JVM broker, JIT) per event; PostgreSQL's CPU is not included
			System.out.printf("JVM CPU %.1f s = %.0f us/event; load average at the end %.1f%n", cpu / 1e9,
					cpu / 1e3 / count, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
		System.exit(0);
	}

}
