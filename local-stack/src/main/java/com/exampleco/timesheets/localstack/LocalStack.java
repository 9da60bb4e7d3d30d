package com.exampleco.timesheets.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import com.exampleco.timesheets.events.entry.EntryFormat;
import com.exampleco.timesheets.launcher.kafka.BrokerSecurity;
import com.exampleco.timesheets.launcher.kafka.InProcessKafkaBroker;
import com.exampleco.timesheets.launcher.kafka.KafkaClientSecurity;
import com.exampleco.timesheets.launcher.kafka.KraftConfig;
import com.exampleco.timesheets.launcher.kafka.TimesheetsAcls;
import com.exampleco.timesheets.launcher.process.JavaProcess;
import com.exampleco.timesheets.launcher.process.ServiceJars;
import com.exampleco.timesheets.launcher.process.WebAppArguments;
import com.exampleco.timesheets.launcher.process.UploaderJob;
import com.exampleco.timesheets.launcher.token.ClientCredentials;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The whole pipeline on one machine in one command, on embedded defaults, launched with
 * the launcher module: the auth server, then an in-process KRaft broker secured by it
 * (SASL/OAUTHBEARER, ACLs created at every start; its log under {@code data/kafka}), then
 * the ingest API, processor and query API as child JVMs (the H2 file the processor writes
 * and the query API reads, and the signing key, under the data folder too, so state
 * survives a restart). Once every service is healthy it runs the real uploader job on the
 * samples ({@code --await}), walks approvals, a rejection and a deletion through the APIs
 * ({@link PipelineTour}), prints a summary with {@code curl} lines, and runs until Ctrl-C
 * or SIGTERM (or stops after the summary with {@code --exit-after-summary}), which stops
 * the services first and the broker last.
 */
public final class LocalStack {

	private static final Logger logger = LoggerFactory.getLogger(LocalStack.class);

	private static final List<String> CHILD_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC");

	private static final Duration STARTUP = Duration.ofMinutes(3);

	private final StackSettings settings;

	private final List<JavaProcess> children = new ArrayList<>();

	private final ServiceJars jars;

	private InProcessKafkaBroker broker;

	LocalStack(StackSettings settings) {
		this.settings = settings;
		// the services fetch their Kafka tokens from the auth server
		List<String> jvm = new ArrayList<>(CHILD_JVM);
		jvm.add("-D" + BrokerSecurity.ALLOWED_URLS_PROPERTY + "=" + settings.tokenUri());
		this.jars = new ServiceJars(settings.appsDir(), settings.dataDir().resolve("logs"), jvm);
	}

	public static void main(String[] args) throws Exception {
		StackSettings settings;
		try {
			settings = StackSettings.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("local-stack: " + ex.getMessage());
			System.exit(2);
			return;
		}
		LocalStack stack = new LocalStack(settings);
		CountDownLatch stopped = new CountDownLatch(1);
		// Ctrl-C and SIGTERM stop the services first (they still talk to the broker while
		// they shut down), then the broker; the shutdown hook is the fallback.
		for (String signal : new String[] { "INT", "TERM" }) {
			Signal.handle(new Signal(signal), (received) -> {
				stack.stop();
				stopped.countDown();
			});
		}
		Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
		try {
			stack.start();
			stack.printSummary(stack.uploadSamples(), new PipelineTour(settings).run());
		}
		catch (Exception ex) {
			logger.error("Local stack failed to start: {}", ex.getMessage());
			stack.stop();
			System.exit(1);
		}
		if (settings.exitAfterSummary()) {
			stack.stop();
			System.exit(0);
		}
		System.out.println("Running. Press Ctrl-C to stop.");
		stopped.await();
		System.exit(0);
	}

	void start() throws IOException {
		this.jars.requireAll("build first with ./mvnw -B -DskipTests install");
		this.jars.require(ServiceJars.WEB_APP, "build first with ./mvnw -B -DskipTests install");
		Files.createDirectories(this.settings.dataDir().resolve("h2"));
		Files.createDirectories(this.settings.dataDir().resolve("auth-server"));
		Path keyFile = this.settings.dataDir().resolve("auth-server/signing-key.json").toAbsolutePath();
		List<String> authArguments = new ArrayList<>(
				List.of("--timesheets.auth.issuer=" + this.settings.issuer(), "--timesheets.auth.key-file=" + keyFile));
		// the web app's and the contractor portal's addresses on this stack
		authArguments.addAll(WebAppArguments.forAuthServer(this.settings.webUrl()));
		JavaProcess auth = launch("auth-server", this.settings.authPort(), authArguments);
		// the broker reads the issuer's keys as it starts
		auth.awaitHealthy(STARTUP);
		String bootstrap = startKafka();
		JavaProcess ingest = launch("ingest-api", this.settings.ingestPort(),
				List.of("--spring.kafka.bootstrap-servers=" + bootstrap,
						"--timesheets.security.issuer-uri=" + this.settings.issuer()),
				ClientCredentials.KAFKA_INGEST);
		JavaProcess processor = launch("processor", this.settings.processorPort(), List
			.of("--spring.kafka.bootstrap-servers=" + bootstrap, "--spring.datasource.url=" + this.settings.h2Url()),
				ClientCredentials.KAFKA_PROCESSOR);
		ingest.awaitHealthy(STARTUP);
		JavaProcess query = launch("query-api", this.settings.queryPort(),
				List.of("--spring.datasource.url=" + this.settings.h2Url(),
						"--timesheets.security.issuer-uri=" + this.settings.issuer()));
		JavaProcess webApp = launch(ServiceJars.WEB_APP, this.settings.webPort(),
				WebAppArguments.forWebApp(this.settings.issuer(), "http://localhost:" + this.settings.ingestPort(),
						"http://localhost:" + this.settings.queryPort()));
		processor.awaitHealthy(STARTUP);
		query.awaitHealthy(STARTUP);
		webApp.awaitHealthy(STARTUP);
	}

	/**
	 * Starts the broker, secured by the auth server (SASL/OAUTHBEARER on the client port,
	 * ACLs), and creates the pipeline's ACLs as its super user (idempotent).
	 * @return the bootstrap servers
	 */
	private String startKafka() throws IOException {
		logger.info("Starting Kafka (KRaft, in process, SASL/OAUTHBEARER) on port {}", this.settings.kafkaPort());
		Path kafka = this.settings.dataDir().resolve("kafka");
		BrokerSecurity security = BrokerSecurity.forIssuer(this.settings.issuer(), this.settings.kafkaInternalPort());
		this.broker = InProcessKafkaBroker.start(new KraftConfig(kafka, kafka.resolve("logs"),
				this.settings.kafkaPort(), this.settings.kafkaControllerPort(), 6, security),
				"local-stack at every start");
		KafkaClientSecurity.allowInThisJvm(this.settings.tokenUri());
		TimesheetsAcls.defaults()
			.applyAs(new KafkaClientSecurity(this.settings.tokenUri(), ClientCredentials.KAFKA_ADMIN)
				.properties(this.broker.bootstrapServers()), Duration.ofMinutes(1));
		return this.broker.bootstrapServers();
	}

	/**
	 * Copies the sample files into the inbox and runs the real uploader job on it, with
	 * {@code --await}, as cron would.
	 * @return the uploader's output
	 */
	List<String> uploadSamples() throws IOException {
		Path inbox = this.settings.dataDir().resolve("inbox");
		Files.createDirectories(inbox);
		if (Files.isDirectory(this.settings.samplesDir())) {
			try (Stream<Path> samples = Files.list(this.settings.samplesDir())) {
				for (Path sample : samples.filter((path) -> EntryFormat.ofFileName(path.toString()).isPresent())
					.sorted()
					.toList()) {
					Files.copy(sample, inbox.resolve(sample.getFileName()), StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		else {
			logger.warn("No samples folder at {}: nothing to upload", this.settings.samplesDir().toAbsolutePath());
		}
		UploaderJob job = new UploaderJob(inbox, "http://localhost:" + this.settings.ingestPort(),
				"http://localhost:" + this.settings.queryPort(), this.settings.issuer() + "/oauth2/token",
				ClientCredentials.UPLOADER);
		JavaProcess uploader = job.process(this.jars, UploaderJob.APP, List.of("--await"));
		logger.info("Uploading the samples with the uploader job (log: {})", uploader.log());
		Files.deleteIfExists(uploader.log());
		uploader.start();
		int exitCode = uploader.awaitExit(Duration.ofMinutes(5));
		if (exitCode != 0) {
			throw new IllegalStateException("the uploader job exited with " + exitCode + "; see " + uploader.log());
		}
		return uploader.output();
	}

	/**
	 * Starts one service as a child JVM, its log ({@code data/logs/<name>.log}) started
	 * afresh.
	 */
	private JavaProcess launch(String name, int port, List<String> arguments) throws IOException {
		return launch(name, port, arguments, null);
	}

	/** A service that logs in to Kafka as {@code kafkaClient} (when not null). */
	private JavaProcess launch(String name, int port, List<String> arguments, ClientCredentials kafkaClient)
			throws IOException {
		JavaProcess child = this.jars.service(name, name, port, arguments,
				(kafkaClient != null) ? new KafkaClientSecurity(this.settings.tokenUri(), kafkaClient) : null);
		logger.info("Starting {} (log: {})", name, child.log());
		Files.deleteIfExists(child.log());
		child.start();
		this.children.add(child);
		return child;
	}

	void printSummary(List<String> upload, List<String> tour) {
		StackSettings s = this.settings;
		String token = "TOKEN=$(curl -s -u timesheets-admin:admin-secret -d grant_type=client_credentials " + s.issuer()
				+ "/oauth2/token | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')";
		System.out.println();
		System.out.println("Timesheets pipeline is up (logs in " + s.dataDir().resolve("logs") + "):");
		System.out.printf("  kafka        localhost:%d%n", s.kafkaPort());
		System.out.printf("  auth-server  %s%n", s.issuer());
		System.out.printf("  ingest-api   http://localhost:%d%n", s.ingestPort());
		System.out.printf("  processor    http://localhost:%d/actuator/health%n", s.processorPort());
		System.out.printf("  query-api    http://localhost:%d%n", s.queryPort());
		System.out.printf("  web-app      %s/   (contractor portal: %s/contractor/)%n", s.webUrl(), s.webUrl());
		System.out.println();
		System.out.println("People (demo users, local only) sign in to the web app at " + s.webUrl() + "/ :");
		System.out.println("  emma / employee-password     employee E1001");
		System.out.println("  eric / employee-password     employee E1003");
		System.out.println("  maria / manager-password     manager E1002, team E1001 E1003 (Team approvals)");
		System.out.println("  carla / contractor-password  contractor C2001 (also the contractor portal)");
		System.out.println("  admin / admin-password       administrator E1000");
		System.out.println();
		System.out.println("Sample upload (uploader-job --await):");
		upload.forEach((line) -> System.out.println("  " + line));
		System.out.println();
		tour.forEach(System.out::println);
		System.out.println();
		new AnalystConfiguration(this.broker.bootstrapServers(), s.issuer(), AnalystConfiguration.DEMO_ANALYST, null)
			.summary(s.dataDir())
			.forEach(System.out::println);
		System.out.println();
		System.out.println("Try it:");
		System.out.println("  " + token);
		System.out.printf("  curl -i -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: text/csv' --data-binary "
				+ "$'external_id,employee_id,project_code,work_date,hours,note\\nrow-1,E1001,ALPHA,%s,7.5,hello\\n' "
				+ "http://localhost:%d/timesheet-batches%n", LocalDate.now(), s.ingestPort());
		System.out.printf("  curl -s -H \"Authorization: Bearer $TOKEN\" "
				+ "'http://localhost:%d/timesheets?employeeId=E1001&limit=5'%n", s.queryPort());
		System.out.printf(
				"  curl -s -H \"Authorization: Bearer $TOKEN\" "
						+ "'http://localhost:%d/employees/E1001/summary?from=2026-10-01&to=2026-10-31'%n",
				s.queryPort());
		System.out.printf(
				"  curl -s -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' "
						+ "-d '{\"decision\":\"APPROVED\"}' http://localhost:%d/timesheets/<timesheetId>/approval%n",
				s.ingestPort());
		System.out.println();
	}

	synchronized void stop() {
		List<JavaProcess> reversed = new ArrayList<>(this.children);
		Collections.reverse(reversed);
		for (JavaProcess child : reversed) {
			logger.info("Stopping {}", child.name());
			child.stop();
		}
		this.children.clear();
		if (this.broker != null) {
			logger.info("Stopping Kafka");
			this.broker.close();
			this.broker = null;
		}
	}

}
