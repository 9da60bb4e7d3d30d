package com.exampleco.timesheets.systemtests.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.exampleco.timesheets.launcher.kafka.KafkaBroker;
import com.exampleco.timesheets.launcher.kafka.KraftCluster;
import com.exampleco.timesheets.launcher.kafka.ProcessKafkaBroker;
import com.exampleco.timesheets.launcher.process.JavaProcess;
import com.exampleco.timesheets.launcher.process.ProcessLogs;
import com.exampleco.timesheets.launcher.process.UploaderJob;
import com.exampleco.timesheets.launcher.token.ClientCredentials;
import com.exampleco.timesheets.launcher.token.TokenClient;

/**
 * The whole pipeline as separate OS processes, each with its real configuration
 * ({@link ServiceArguments}), launched with the launcher module in the order
 * {@link PipelineProcesses} keeps: a Kafka broker (Testcontainers' Kafka where Docker
 * answers, else launcher's {@link ProcessKafkaBroker}; see {@link BrokerKind}), a
 * PostgreSQL database ({@link Database}), the auth server, the ingest API, {@code n}
 * processors in one consumer group and the query API, all on free ports of 127.0.0.1,
 * logs under {@code <work>/logs}. The real uploader job runs on demand
 * ({@link #runUploader}).
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
	public static final ClientCredentials UPLOADER = ClientCredentials.UPLOADER;

	/** The contractor app ({@code read:timesheets}). */
	public static final ClientCredentials CONTRACTOR = ClientCredentials.CONTRACTOR;

	/** The approver ({@code approve:timesheets read:timesheets}, employee E1002). */
	public static final ClientCredentials APPROVER = ClientCredentials.APPROVER;

	/** The admin (all four scopes, as Auth0 {@code permissions}). */
	public static final ClientCredentials ADMIN = ClientCredentials.ADMIN;

	/** An employee ({@code read:timesheets}, employee E1001: own timesheets only). */
	public static final ClientCredentials EMPLOYEE_E1001 = ClientCredentials.EMPLOYEE_E1001;

	/**
	 * A Kafka client registered by the harness with 20-second tokens (audience
	 * {@code timesheets-kafka}) and no ACLs: a test grants what it needs.
	 */
	public static final ClientCredentials KAFKA_SHORT_LIVED = new ClientCredentials("kafka-short-lived",
			"kafka-short-lived-secret");

	private static final AtomicInteger instances = new AtomicInteger();

	/** Work directories already used in this JVM: only the first use empties one. */
	private static final Set<Path> workDirectories = ConcurrentHashMap.newKeySet();

	private final PipelineOptions options;

	private final WorkDirectory work;

	private final PipelineProcesses processes;

	private final TokenClient tokens;

	private final AtomicInteger uploaderRuns = new AtomicInteger();

	private final Thread shutdownHook = new Thread(this::close, "pipeline-shutdown");

	private volatile boolean closed;

	private Pipeline(PipelineOptions options, WorkDirectory work) {
		this.options = options;
		this.work = work;
		this.processes = new PipelineProcesses(options, work);
		this.tokens = TokenClient.forIssuer(this.processes.issuer());
	}

	/**
	 * Starts everything and waits until every service is healthy. On failure, whatever
	 * was started is stopped and the exception carries the logs' tails.
	 * @param options what to start
	 * @return the running pipeline, never null
	 */
	public static Pipeline start(PipelineOptions options) {
		int instance = instances.incrementAndGet();
		boolean firstUse = workDirectories.add(options.workDirectory().toAbsolutePath().normalize());
		Pipeline pipeline = new Pipeline(options, WorkDirectory.prepare(options.workDirectory(), firstUse));
		Runtime.getRuntime().addShutdownHook(pipeline.shutdownHook);
		try {
			pipeline.processes.startAll(instance);
			return pipeline;
		}
		catch (RuntimeException | Error ex) {
			String tails = pipeline.tailLogs(40);
			pipeline.close();
			throw new IllegalStateException("the pipeline did not start: " + ex.getMessage() + "\n" + tails, ex);
		}
	}

	/**
	 * The issuer of tokens, as the APIs expect it in {@code iss}.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String issuer() {
		return this.processes.issuer();
	}

	/**
	 * The auth server's token endpoint.
	 * @return the URL
	 */
	public String tokenUri() {
		return this.tokens.tokenUri().toString();
	}

	/**
	 * The JWK file holding the auth server's RSA signing key (private part included):
	 * tests may sign hostile tokens with the key the APIs trust.
	 * @return the file, created by the auth server at its first start
	 */
	public Path authSigningKeyFile() {
		return this.work.authSigningKeyFile();
	}

	/**
	 * The ingest API's base URL.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String ingestUrl() {
		return this.processes.ingestUrl();
	}

	/**
	 * The query API's base URL.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String queryUrl() {
		return this.processes.queryUrl();
	}

	/**
	 * The people's web app, on {@code localhost} (the auth server is on 127.0.0.1, so a
	 * browser keeps the two session cookies apart); only with
	 * {@link PipelineOptions#withWebApp(boolean)}.
	 * @return the base URL, e.g. {@code http://localhost:41234}
	 */
	public String webUrl() {
		return this.processes.webUrl();
	}

	/**
	 * The broker's bootstrap servers.
	 * @return {@code 127.0.0.1:<port>}
	 */
	public String kafkaBootstrap() {
		return this.processes.kafka().bootstrapServers();
	}

	/**
	 * The database's JDBC URL.
	 * @return the URL
	 */
	public String jdbcUrl() {
		return this.processes.database().jdbcUrl();
	}

	/**
	 * Whether the broker authenticates and authorizes clients
	 * ({@link PipelineOptions#kafkaSecurity()}, not with the container broker).
	 * @return true when secured
	 */
	public boolean kafkaSecured() {
		return this.processes.secured();
	}

	/**
	 * The properties of a Kafka client logging in as {@code client} (its login is left
	 * out when the broker is not secured): {@code bootstrap.servers} and the SASL
	 * settings; add serializers, group and the like.
	 * @param client the client's credentials
	 * @return a new mutable map
	 */
	public Map<String, Object> kafkaClient(ClientCredentials client) {
		return this.processes.kafkaClient(client);
	}

	/**
	 * The client properties of {@code kafka-admin}, the broker's super user: what tests
	 * use to inspect topics and groups.
	 * @return a new mutable map
	 */
	public Map<String, Object> kafkaOperator() {
		return kafkaClient(ClientCredentials.KAFKA_ADMIN);
	}

	public KafkaBroker kafka() {
		return this.processes.kafka();
	}

	/**
	 * The replicated cluster, for faults on one broker (kill -9, pause, restart by node).
	 * @return the cluster
	 * @throws IllegalStateException unless started with {@link BrokerKind#CLUSTER}
	 */
	public KraftCluster kafkaCluster() {
		if (this.processes.kafka() instanceof KraftCluster cluster) {
			return cluster;
		}
		throw new IllegalStateException("this pipeline runs a single broker; start it with BrokerKind.CLUSTER");
	}

	public Database postgres() {
		return this.processes.database();
	}

	public JavaProcess auth() {
		return this.processes.auth();
	}

	public JavaProcess ingest() {
		return this.processes.ingest();
	}

	public JavaProcess query() {
		return this.processes.query();
	}

	/**
	 * One processor instance.
	 * @param index from 0
	 * @return the instance's process; its consumer client id is
	 * {@code processor-<index+1>}
	 */
	public JavaProcess processor(int index) {
		return this.processes.processors().get(index);
	}

	public List<JavaProcess> processors() {
		return this.processes.processors();
	}

	/**
	 * The directory of the logs ({@code <service>.log}).
	 * @return the directory
	 */
	public Path logDirectory() {
		return this.work.logs();
	}

	/**
	 * A client-credentials access token from the auth server.
	 * @param client the client
	 * @param scopes the scopes asked for; none = all of the client's scopes
	 * @return the access token, never null
	 * @throws IllegalStateException when the server refuses
	 */
	public String accessToken(ClientCredentials client, String... scopes) {
		return this.tokens.accessToken(client, scopes);
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
		List<String> options = new ArrayList<>(this.options.argumentsOf(UploaderJob.APP));
		options.addAll(List.of(arguments));
		JavaProcess job = new UploaderJob(inbox, ingestUrl(), queryUrl(), tokenUri(), UPLOADER)
			.process(this.processes.jars(), UploaderJob.APP + "-" + this.uploaderRuns.incrementAndGet(), options);
		this.processes.track(job);
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
		return new UploaderRun(exitCode, job.output());
	}

	/**
	 * The last lines of every service's log, for failure reports.
	 * @param lines lines per log
	 * @return the tails
	 */
	public String tailLogs(int lines) {
		return ProcessLogs.tailAll(this.work.logs(), lines);
	}

	/**
	 * Stops every process: services first (gracefully, then forcibly), then the broker
	 * and the database. Idempotent.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.processes.stopAll();
		if (Thread.currentThread() != this.shutdownHook) {
			try {
				Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
			}
			catch (IllegalStateException ex) {
				// the JVM is shutting down already
			}
		}
	}

}
