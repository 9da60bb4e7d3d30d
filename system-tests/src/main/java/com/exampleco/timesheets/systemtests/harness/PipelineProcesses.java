package com.exampleco.timesheets.systemtests.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.exampleco.timesheets.launcher.FreePorts;
import com.exampleco.timesheets.launcher.kafka.BrokerSecurity;
import com.exampleco.timesheets.launcher.kafka.KafkaBroker;
import com.exampleco.timesheets.launcher.kafka.KafkaClientSecurity;
import com.exampleco.timesheets.launcher.kafka.KraftCluster;
import com.exampleco.timesheets.launcher.kafka.ProcessKafkaBroker;
import com.exampleco.timesheets.launcher.kafka.TimesheetsAcls;
import com.exampleco.timesheets.launcher.process.JavaProcess;
import com.exampleco.timesheets.launcher.process.ServiceJars;
import com.exampleco.timesheets.launcher.token.ClientCredentials;
import com.exampleco.timesheets.testsupport.Docker;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The processes of one {@link Pipeline} and their order: started so that each finds what
 * it needs (the database is created meanwhile; the query API beside the first processor,
 * which migrates the schema; the other processors after it), stopped in reverse (services
 * first, the broker last). The service ports are drawn at creation, so the addresses are
 * known before anything starts.
 */
final class PipelineProcesses {

	private final PipelineOptions options;

	private final WorkDirectory work;

	private final ServiceJars jars;

	private final int authPort = FreePorts.next();

	private final int ingestPort = FreePorts.next();

	private final int queryPort = FreePorts.next();

	private final int webPort = FreePorts.next();

	private final List<JavaProcess> started = new ArrayList<>();

	private final boolean container;

	private final boolean secured;

	private final List<JavaProcess> processors = new ArrayList<>();

	private KafkaBroker kafka;

	private Database database;

	private CompletableFuture<Database> pendingDatabase;

	private JavaProcess auth;

	private JavaProcess ingest;

	private JavaProcess query;

	private JavaProcess web;

	PipelineProcesses(PipelineOptions options, WorkDirectory work) {
		this.options = options;
		this.work = work;
		this.container = options.broker().container(Docker::available);
		this.secured = options.kafkaSecurity() && !this.container;
		List<String> jvm = new ArrayList<>(options.serviceJvmOptions());
		jvm.add("-Djava.io.tmpdir=" + work.tmp());
		if (this.secured) {
			// services fetch their Kafka tokens there; so does this JVM (ACLs, tests)
			jvm.add("-D" + BrokerSecurity.ALLOWED_URLS_PROPERTY + "=" + tokenUri());
			KafkaClientSecurity.allowInThisJvm(tokenUri());
		}
		this.jars = new ServiceJars(options.appsDirectory(), work.logs(), jvm);
	}

	/**
	 * Starts everything and waits until every service is healthy.
	 * @param instance the pipeline's number in this JVM (names its database and broker
	 * folder)
	 */
	void startAll(int instance) {
		this.jars.requireAll("run ./mvnw -B -pl system-tests package (it copies the services' exec jars there)");
		CompletableFuture<Database> db = this.pendingDatabase = CompletableFuture
			.supplyAsync(() -> Database.create("timesheets_" + ProcessHandle.current().pid() + "_" + instance));
		List<String> authArguments = new ArrayList<>(ServiceArguments.auth(issuer(), this.work.authSigningKeyFile()));
		if (this.options.webApp()) {
			this.jars.require(ServiceJars.WEB_APP, "run ./mvnw -B -pl system-tests package");
			authArguments.addAll(ServiceArguments.authForWebApp(webUrl()));
		}
		this.auth = service("auth-server", "auth-server", this.authPort, authArguments);
		this.auth.start();
		this.kafka = createBroker(this.work.kafka(instance));
		if (this.secured) {
			this.auth.awaitHealthy(this.options.startupTimeout());
		}
		this.kafka.launch();
		this.kafka.awaitReady(this.options.startupTimeout());
		if (this.secured) {
			TimesheetsAcls.defaults().applyAs(kafkaClient(ClientCredentials.KAFKA_ADMIN), Duration.ofMinutes(1));
		}
		this.ingest = service("ingest-api", "ingest-api", this.ingestPort, ServiceArguments
			.ingest(this.kafka.bootstrapServers(), issuer(), this.options.partitions(), this.options.broker()),
				ClientCredentials.KAFKA_INGEST);
		this.ingest.start();
		this.database = db.join();
		this.query = service("query-api", "query-api", this.queryPort, ServiceArguments.query(this.database, issuer()));
		for (int i = 0; i < this.options.processors(); i++) {
			String name = "processor-" + (i + 1);
			this.processors.add(service(
					name, "processor", FreePorts.next(), ServiceArguments.processor(name, this.kafka.bootstrapServers(),
							this.database, this.options.partitions(), this.options.broker()),
					ClientCredentials.KAFKA_PROCESSOR));
		}
		if (this.options.startProcessors()) {
			// the query API reads the schema only when asked (it never migrates), so it
			// starts beside the first processor; the others wait until that one migrated
			this.processors.get(0).start();
			this.query.start();
			this.processors.get(0).awaitHealthy(this.options.startupTimeout());
			this.processors.subList(1, this.processors.size()).forEach(JavaProcess::start);
		}
		else {
			this.query.start();
		}
		for (JavaProcess service : List.of(this.auth, this.ingest, this.query)) {
			service.awaitHealthy(this.options.startupTimeout());
		}
		if (this.options.webApp()) {
			// it discovers the issuer at start: after the auth server is healthy
			this.web = service("web-app", ServiceJars.WEB_APP, this.webPort,
					ServiceArguments.webApp(issuer(), ingestUrl(), queryUrl()));
			this.web.start();
		}
		if (this.options.startProcessors()) {
			this.processors.forEach((processor) -> processor.awaitHealthy(this.options.startupTimeout()));
		}
		if (this.web != null) {
			this.web.awaitHealthy(this.options.startupTimeout());
		}
	}

	private KafkaBroker createBroker(Path directory) {
		if (this.options.broker() == BrokerKind.CLUSTER) {
			// every node secured like the single broker, each with its own internal port
			return KraftCluster.create(directory, BrokerKind.CLUSTER_REPLICAS, BrokerKind.CLUSTER_MIN_INSYNC,
					this.options.kafkaClasspath(), this.options.kafkaJvmOptions(), this.options.partitions(),
					this.work.logs(), this.secured ? issuer() : null);
		}
		if (this.container) {
			return ContainerKafkaBroker.create(this.options.partitions(), this.work.logs());
		}
		return ProcessKafkaBroker.create(directory, this.options.kafkaClasspath(), this.options.kafkaJvmOptions(),
				this.options.partitions(), this.work.logs(),
				this.secured ? BrokerSecurity.forIssuer(issuer(), FreePorts.next()) : null);
	}

	private JavaProcess service(String name, String app, int port, List<String> arguments) {
		return service(name, app, port, arguments, null);
	}

	/**
	 * A service that is a Kafka client: it logs in as {@code kafkaClient} when secured.
	 */
	private JavaProcess service(String name, String app, int port, List<String> arguments,
			ClientCredentials kafkaClient) {
		List<String> all = new ArrayList<>(arguments);
		all.addAll(this.options.argumentsOf(app));
		JavaProcess process = this.jars.service(name, app, port, all,
				(this.secured && kafkaClient != null) ? new KafkaClientSecurity(tokenUri(), kafkaClient) : null);
		this.started.add(process);
		return process;
	}

	/**
	 * A Kafka client's properties: the bootstrap servers and, when secured, its login.
	 * @param client the client's credentials (ignored when not secured)
	 * @return a new mutable map
	 */
	Map<String, Object> kafkaClient(ClientCredentials client) {
		Map<String, Object> properties = this.secured ? new KafkaClientSecurity(tokenUri(), client).properties()
				: new HashMap<>();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.bootstrapServers());
		return properties;
	}

	boolean secured() {
		return this.secured;
	}

	/**
	 * Adds a process started later (an uploader run), stopped first.
	 * @param process the process
	 */
	void track(JavaProcess process) {
		this.started.add(0, process);
	}

	/**
	 * Stops the services (gracefully, else SIGKILL), then the broker and the database.
	 */
	void stopAll() {
		for (JavaProcess process : this.started) {
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
		if (this.database == null && this.pendingDatabase != null) {
			// start-up failed before the database was taken: it is still ours to close
			this.database = this.pendingDatabase.exceptionally((failure) -> null).join();
		}
		if (this.database != null) {
			this.database.close();
		}
	}

	String issuer() {
		return "http://127.0.0.1:" + this.authPort;
	}

	String tokenUri() {
		return issuer() + "/oauth2/token";
	}

	String ingestUrl() {
		return "http://127.0.0.1:" + this.ingestPort;
	}

	String queryUrl() {
		return "http://127.0.0.1:" + this.queryPort;
	}

	/** On {@code localhost}: a browser keeps its cookies apart from the auth server's. */
	String webUrl() {
		return "http://localhost:" + this.webPort;
	}

	ServiceJars jars() {
		return this.jars;
	}

	KafkaBroker kafka() {
		return this.kafka;
	}

	Database database() {
		return this.database;
	}

	JavaProcess auth() {
		return this.auth;
	}

	JavaProcess ingest() {
		return this.ingest;
	}

	JavaProcess query() {
		return this.query;
	}

	List<JavaProcess> processors() {
		return List.copyOf(this.processors);
	}

}
