package com.exampleco.timesheets.systemtests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.exampleco.timesheets.testsupport.Docker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole pipeline as separate OS processes, each with its real configuration: a Kafka
 * broker ({@link KafkaBroker}: Testcontainers' Kafka where Docker answers, else a
 * standalone broker process), a PostgreSQL database ({@link Database}), the auth server,
 * the ingest API, {@code n} processors in one consumer group and the query API, all on
 * free ports of 127.0.0.1, logs under {@code <work>/logs}. The real uploader job runs on
 * demand ({@link #runUploader}).
 *
 * <pre>
 * try (Pipeline pipeline = Pipeline.start(PipelineOptions.defaults())) {
 *     String token = pipeline.accessToken(Pipeline.UPLOADER, "create:timesheets");
 *     // POST pipeline.ingestUrl() + "/timesheet-batches" ...
 *     pipeline.processor(0).kill9();
 *     pipeline.kafka().stop(); pipeline.kafka().start();
 * }
 * </pre>
 *
 * {@link #close()} stops every process (also registered as a JVM shutdown hook, so an
 * aborted run leaves nothing behind); it is idempotent.
 */
public final class Pipeline implements AutoCloseable {

	/** The auth server's uploader client ({@code create:timesheets}). */
	public static final Client UPLOADER = new Client("timesheets-uploader", "uploader-secret");

	/** The contractor app ({@code read:timesheets}). */
	public static final Client CONTRACTOR = new Client("contractor-app", "contractor-secret");

	/** The approver ({@code approve:timesheets read:timesheets}, employee E1002). */
	public static final Client APPROVER = new Client("timesheets-approver", "approver-secret");

	/** The admin (all four scopes, as Auth0 {@code permissions}). */
	public static final Client ADMIN = new Client("timesheets-admin", "admin-secret");

	/** An employee ({@code read:timesheets}, employee E1001: own timesheets only). */
	public static final Client EMPLOYEE_E1001 = new Client("employee-e1001", "employee-secret");

	private static final AtomicInteger instances = new AtomicInteger();

	private final PipelineOptions options;

	private final Path logs;

	private final List<JavaProcess> services = new ArrayList<>();

	private final List<JavaProcess> processors = new ArrayList<>();

	private final AtomicInteger uploaderRuns = new AtomicInteger();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Thread shutdownHook = new Thread(this::close, "pipeline-shutdown");

	private KafkaBroker kafka;

	private Database database;

	private JavaProcess auth;

	private JavaProcess ingest;

	private JavaProcess query;

	private int authPort;

	private int ingestPort;

	private int queryPort;

	private volatile boolean closed;

	private Pipeline(PipelineOptions options) {
		this.options = options;
		this.logs = options.workDirectory().resolve("logs");
	}

	/**
	 * Starts everything and waits until every service is healthy. On failure, whatever
	 * was started is stopped and the exception carries the logs' tails.
	 * @param options what to start
	 * @return the running pipeline, never null
	 */
	public static Pipeline start(PipelineOptions options) {
		Pipeline pipeline = new Pipeline(options);
		Runtime.getRuntime().addShutdownHook(pipeline.shutdownHook);
		try {
			pipeline.startAll();
			return pipeline;
		}
		catch (RuntimeException | Error ex) {
			String tails = pipeline.tailLogs(40);
			pipeline.close();
			throw new IllegalStateException("the pipeline did not start: " + ex.getMessage() + "\n" + tails, ex);
		}
	}

	private void startAll() {
		for (String app : List.of("auth-server", "ingest-api", "processor", "query-api", "uploader-job")) {
			if (!Files.isRegularFile(jar(app))) {
				throw new IllegalStateException("missing " + jar(app)
						+ ": run ./mvnw -B -pl system-tests package (it copies the services' exec jars there)");
			}
		}
		int instance = instances.incrementAndGet();
		Path work = this.options.workDirectory();
		try {
			// a fresh cluster, key and logs every time: what a previous run left is
			// removed
			if (instance == 1 && Files.isDirectory(work)) {
				try (var paths = Files.walk(work)) {
					paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
				}
			}
			Files.createDirectories(this.logs);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		CompletableFuture<Database> db = CompletableFuture
			.supplyAsync(() -> Database.create("timesheets_" + ProcessHandle.current().pid() + "_" + instance));
		this.kafka = createBroker(work.resolve("kafka-" + instance));
		this.kafka.launch();
		this.authPort = FreePorts.next();
		this.ingestPort = FreePorts.next();
		this.queryPort = FreePorts.next();
		this.auth = service("auth-server", "auth-server", this.authPort, List.of("--timesheets.auth.issuer=" + issuer(),
				"--timesheets.auth.key-file=" + authSigningKeyFile().toAbsolutePath()));
		this.auth.start();
		this.kafka.awaitReady(this.options.startupTimeout());
		this.ingest = service("ingest-api", "ingest-api", this.ingestPort,
				List.of("--spring.kafka.bootstrap-servers=" + kafkaBootstrap(),
						"--timesheets.security.issuer-uri=" + issuer(),
						"--timesheets.ingest.topic-partitions=" + this.options.partitions()));
		this.ingest.start();
		this.database = db.join();
		this.query = service("query-api", "query-api", this.queryPort,
				List.of("--spring.datasource.url=" + this.database.jdbcUrl()
						+ (this.database.jdbcUrl().contains("?") ? "&" : "?") + "readOnly=true&readOnlyMode=always",
						"--spring.datasource.username=" + this.database.username(),
						"--spring.datasource.password=" + this.database.password(),
						"--timesheets.security.issuer-uri=" + issuer(),
						"--timesheets.query.cursor-key=system-tests-cursor-key-0123456789-abcdefghij"));
		for (int i = 0; i < this.options.processors(); i++) {
			JavaProcess processor = processorProcess(i);
			this.processors.add(processor);
			if (!this.options.startProcessors()) {
				continue;
			}
			processor.start();
			if (i == 0) {
				// the query API reads the schema only when asked (it never migrates), so
				// it
				// starts beside the first processor; the other processors wait until the
				// first one has migrated the schema
				this.query.start();
				processor.awaitHealthy(this.options.startupTimeout());
			}
		}
		if (!this.options.startProcessors()) {
			this.query.start();
		}
		for (JavaProcess service : List.of(this.auth, this.ingest, this.query)) {
			service.awaitHealthy(this.options.startupTimeout());
		}
		for (JavaProcess processor : this.processors) {
			if (this.options.startProcessors()) {
				processor.awaitHealthy(this.options.startupTimeout());
			}
		}
	}

	private KafkaBroker createBroker(Path directory) {
		if (useContainer(this.options.broker(), Docker::available)) {
			return ContainerKafkaBroker.create(this.options.partitions(), this.logs);
		}
		return ProcessKafkaBroker.create(directory, this.options.kafkaClasspath(), this.options.kafkaJvmOptions(),
				this.options.partitions(), this.logs);
	}

	/**
	 * Whether the broker of the given kind is a container.
	 * @param kind the configured kind
	 * @param dockerAvailable whether a Docker engine answers (asked only for
	 * {@link KafkaBroker.Kind#AUTO})
	 * @return true for a container
	 */
	static boolean useContainer(KafkaBroker.Kind kind, java.util.function.BooleanSupplier dockerAvailable) {
		return switch (kind) {
			case CONTAINER -> true;
			case PROCESS -> false;
			case AUTO -> dockerAvailable.getAsBoolean();
		};
	}

	private JavaProcess processorProcess(int index) {
		int port = FreePorts.next();
		String name = "processor-" + (index + 1);
		return service(name, "processor", port,
				List.of("--spring.kafka.bootstrap-servers=" + kafkaBootstrap(),
						"--spring.datasource.url=" + this.database.jdbcUrl(),
						"--spring.datasource.username=" + this.database.username(),
						"--spring.datasource.password=" + this.database.password(),
						"--spring.datasource.hikari.connection-timeout=5000",
						"--timesheets.processor.partitions=" + this.options.partitions(),
						"--timesheets.processor.retry.max-interval=5s",
						// names the instance in the consumer group, so a test can see who
						// owns which
						// partition
						"--spring.kafka.consumer.client-id=" + name,
						// a killed instance's partitions move after 10 s instead of the
						// default 45 s
						"--spring.kafka.consumer.properties.session.timeout.ms=10000",
						"--spring.kafka.consumer.properties.heartbeat.interval.ms=2000"));
	}

	private JavaProcess service(String name, String app, int port, List<String> arguments) {
		List<String> command = JavaProcess.javaCommand(this.options.serviceJvmOptions());
		command.add("-Djava.io.tmpdir=" + tmp());
		command.add("-jar");
		command.add(jar(app).toString());
		command.add("--server.port=" + port);
		command.addAll(arguments);
		command.addAll(this.options.argumentsOf(app));
		JavaProcess process = new JavaProcess(name, command, Map.of(), this.logs.resolve(name + ".log"),
				URI.create("http://127.0.0.1:" + port + "/actuator/health"));
		this.services.add(process);
		return process;
	}

	private Path tmp() {
		Path tmp = this.options.workDirectory().resolve("tmp");
		try {
			Files.createDirectories(tmp);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tmp.toAbsolutePath();
	}

	private Path jar(String app) {
		return this.options.appsDirectory().resolve(app + ".jar");
	}

	/**
	 * The issuer of tokens, as the APIs expect it in {@code iss}.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String issuer() {
		return "http://127.0.0.1:" + this.authPort;
	}

	/**
	 * The auth server's token endpoint.
	 * @return the URL
	 */
	public String tokenUri() {
		return issuer() + "/oauth2/token";
	}

	/**
	 * The JWK file holding the auth server's RSA signing key (private part included):
	 * tests may sign hostile tokens with the key the APIs trust.
	 * @return the file, created by the auth server at its first start
	 */
	public Path authSigningKeyFile() {
		return this.options.workDirectory().resolve("auth-server").resolve("signing-key.json");
	}

	/**
	 * The ingest API's base URL.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String ingestUrl() {
		return "http://127.0.0.1:" + this.ingestPort;
	}

	/**
	 * The query API's base URL.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String queryUrl() {
		return "http://127.0.0.1:" + this.queryPort;
	}

	/**
	 * The broker's bootstrap servers.
	 * @return {@code 127.0.0.1:<port>}
	 */
	public String kafkaBootstrap() {
		return this.kafka.bootstrapServers();
	}

	/**
	 * The database's JDBC URL.
	 * @return the URL
	 */
	public String jdbcUrl() {
		return this.database.jdbcUrl();
	}

	public KafkaBroker kafka() {
		return this.kafka;
	}

	public Database postgres() {
		return this.database;
	}

	public JavaProcess auth() {
		return this.auth;
	}

	public JavaProcess ingest() {
		return this.ingest;
	}

	public JavaProcess query() {
		return this.query;
	}

	/**
	 * One processor instance.
	 * @param index from 0
	 * @return the instance's process; its consumer client id is
	 * {@code processor-<index+1>}
	 */
	public JavaProcess processor(int index) {
		return this.processors.get(index);
	}

	public List<JavaProcess> processors() {
		return List.copyOf(this.processors);
	}

	/**
	 * The directory of the logs ({@code <service>.log}).
	 * @return the directory
	 */
	public Path logDirectory() {
		return this.logs;
	}

	/**
	 * A client-credentials access token from the auth server.
	 * @param client the client
	 * @param scopes the scopes asked for; none = all of the client's scopes
	 * @return the access token, never null
	 * @throws IllegalStateException when the server refuses
	 */
	public String accessToken(Client client, String... scopes) {
		String form = "grant_type=client_credentials" + ((scopes.length > 0)
				? "&scope=" + URLEncoder.encode(String.join(" ", scopes), StandardCharsets.UTF_8) : "");
		String basic = Base64.getEncoder()
			.encodeToString((client.id() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUri()))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.timeout(Duration.ofSeconds(30))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("token request for " + client.id() + " answered "
						+ response.statusCode() + ": " + response.body());
			}
			JsonNode json = JsonMapper.shared().readTree(response.body());
			return json.get("access_token").asString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/**
	 * Starts the real uploader job ({@code java -jar uploader-job.jar --inbox DIR}) as
	 * the {@link #UPLOADER} client against this pipeline, in the background.
	 * @param inbox the inbox folder
	 * @param arguments further options ({@code --await}, {@code --batch-size=N}, …)
	 * @return the running job; {@link JavaProcess#awaitExit(Duration)} gives its exit
	 * code
	 */
	public JavaProcess startUploader(Path inbox, String... arguments) {
		String name = "uploader-job-" + this.uploaderRuns.incrementAndGet();
		List<String> command = JavaProcess.javaCommand(this.options.serviceJvmOptions());
		command.add("-Djava.io.tmpdir=" + tmp());
		command.addAll(List.of("-jar", jar("uploader-job").toString(), "--inbox=" + inbox.toAbsolutePath(),
				"--ingest-url=" + ingestUrl(), "--query-url=" + queryUrl(), "--token-uri=" + tokenUri(),
				"--client-id=" + UPLOADER.id()));
		command.addAll(this.options.argumentsOf("uploader-job"));
		command.addAll(List.of(arguments));
		JavaProcess job = new JavaProcess(name, command,
				Map.of("TIMESHEETS_UPLOADER_AUTH_CLIENT_SECRET", UPLOADER.secret()), this.logs.resolve(name + ".log"),
				null);
		this.services.add(0, job);
		job.start();
		return job;
	}

	/**
	 * Runs the real uploader job to its end.
	 * @param inbox the inbox folder
	 * @param timeout the longest the run may take (then it is killed and this fails)
	 * @param arguments further options
	 * @return the exit code and output
	 */
	public UploaderRun runUploader(Path inbox, Duration timeout, String... arguments) {
		JavaProcess job = startUploader(inbox, arguments);
		int exit = job.awaitExit(timeout);
		return finished(job, exit);
	}

	/**
	 * The result of a job started with {@link #startUploader} that has ended.
	 * @param job the job
	 * @param exitCode its exit code
	 * @return exit code and output
	 */
	public UploaderRun finished(JavaProcess job, int exitCode) {
		try {
			List<String> lines = Files.readAllLines(job.log(), StandardCharsets.UTF_8);
			return new UploaderRun(exitCode, lines.subList(1, lines.size()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The last lines of every service's log, for failure reports.
	 * @param lines lines per log
	 * @return the tails
	 */
	public String tailLogs(int lines) {
		StringBuilder out = new StringBuilder();
		try (var files = Files.list(this.logs)) {
			files.sorted().forEach((log) -> {
				String name = log.getFileName().toString().replaceFirst("\\.log$", "");
				out.append(JavaProcess.tail(name, log, lines)).append('\n');
			});
		}
		catch (IOException | UncheckedIOException ex) {
			out.append("(no logs under ").append(this.logs).append(")");
		}
		return out.toString();
	}

	/**
	 * Stops every process: services first (gracefully, then forcibly), the broker last.
	 * The database is stopped with the JVM (test-support). Idempotent.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		for (JavaProcess process : this.services) {
			try {
				process.stop();
			}
			catch (RuntimeException ex) {
				process.kill9();
			}
		}
		if (this.kafka != null) {
			this.kafka.close();
		}
		if (Thread.currentThread() != this.shutdownHook) {
			try {
				Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
			}
			catch (IllegalStateException ex) {
				// the JVM is shutting down already
			}
		}
	}

	/**
	 * An OAuth 2.0 client of the auth server.
	 *
	 * @param id the client id
	 * @param secret its (fake, local) secret
	 */
	public record Client(String id, String secret) {
	}

}
