package com.exampleco.timesheets.localstack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where the tests run, so {@code docker-compose.yml} is checked
 * against the code instead of being started: every built service is built by the one
 * multi-stage, non-root {@code docker/service.Dockerfile} from its own module (build
 * argument {@code MODULE}) on a pinned JRE; every image is pinned; every environment
 * variable is one the app reads; published ports are the apps' ports; start-up order
 * waits on health checks. And it is safe to start (issue 13): no {@code {noop}} or other
 * literal secret, every secret a required {@code ${VAR:?…}} reference to the git-ignored
 * {@code .env} that {@code .env.example} describes, the development auth server's public
 * secrets all overridden, the auth server published on loopback only.
 */
class ComposeFileTests {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	static final String DOCKERFILE = "docker/service.Dockerfile";

	static final Pattern PINNED = Pattern.compile("[^:@]+[:@][^:]*\\d[^:]*");

	static final Pattern DOCUMENTED_PROPERTY = Pattern.compile("`((?:timesheets|spring|server)\\.[a-z0-9.<>-]+)`");

	/** Names of variables whose value is a secret: passwords, client secrets, keys. */
	static final Pattern SECRET_NAME = Pattern.compile("(?:^|_)(?:PASSWORD|SECRET|KEY|CREDENTIALS?|TOKEN)$");

	/** A value that is only a reference to a required variable of the env file. */
	static final Pattern REQUIRED_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):\\?[^}]*}");

	static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?[?-][^}]*)?}");

	static String composeText;

	static Map<String, Object> services;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void readComposeFile() throws IOException {
		composeText = Files.readString(ROOT.resolve("docker-compose.yml"));
		try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
			LoaderOptions options = new LoaderOptions();
			Map<String, Object> compose = new Yaml(options).load(reader);
			services = (Map<String, Object>) compose.get("services");
		}
	}

	static Stream<String> builtServices() throws IOException {
		readComposeFile();
		return services.keySet().stream().filter((name) -> service(name).containsKey("build"));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> service(String name) {
		return (Map<String, Object>) services.get(name);
	}

	@SuppressWarnings("unchecked")
	static String module(String name) {
		Map<String, Object> build = (Map<String, Object>) service(name).get("build");
		assertThat(build.get("context")).as("build context of %s", name).isEqualTo(".");
		assertThat(build.get("dockerfile")).as("Dockerfile of %s", name).isEqualTo(DOCKERFILE);
		Map<String, Object> args = (Map<String, Object>) build.get("args");
		assertThat(args).as("build args of %s", name).isNotNull().containsKey("MODULE");
		return (String) args.get("MODULE");
	}

	@Test
	void runsEveryApplicationOfThePipeline() {
		List<String> modules = builtServicesList().stream().map(ComposeFileTests::module).toList();
		assertThat(modules).contains("auth-server", "ingest-api", "processor", "query-api", "uploader-job", "web-app");
		assertThat(services).containsKeys("kafka", "postgres");
	}

	@Test
	void pinsEveryImage() {
		services.forEach((name, value) -> {
			Object image = service(name).get("image");
			if (image != null) {
				assertThat((String) image).as("image of %s", name).matches(PINNED).doesNotEndWith(":latest");
			}
		});
		assertThat(service("kafka").get("image")).asString().startsWith("apache/kafka:4.");
	}

	@ParameterizedTest
	@MethodSource("builtServices")
	void buildsTheServiceFromItsOwnModuleOnAPinnedJreAsNonRoot(String name) throws IOException {
		String module = module(name);
		String pom = Files.readString(ROOT.resolve("pom.xml"));
		assertThat(pom).contains("<module>" + module + "</module>");
		String dockerfile = Files.readString(ROOT.resolve(DOCKERFILE));
		assertThat(dockerfile).contains(" AS build")
			.containsPattern("(?m)^ARG MODULE$")
			.contains("-pl ${MODULE} -am package")
			.contains("cp ${MODULE}/target/${MODULE}-*-exec.jar /src/app.jar")
			.contains("COPY --from=build /src/app.jar /app/app.jar")
			.containsPattern("(?m)^USER (?!root)\\w+");
		List<String> froms = dockerfile.lines().filter((line) -> line.startsWith("FROM ")).toList();
		assertThat(froms).hasSize(2);
		assertThat(froms.get(1)).matches("FROM eclipse-temurin:17[0-9._]+_\\d+-jre");
		assertThat(froms).allSatisfy((from) -> assertThat(from.split(" ")[1]).matches(PINNED));
		try (Stream<Path> sources = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
			assertThat(sources.filter((path) -> path.toString().endsWith("Application.java")))
				.as("%s is a Spring Boot application", module)
				.isNotEmpty();
		}
	}

	@ParameterizedTest
	@MethodSource("builtServices")
	@SuppressWarnings("unchecked")
	void setsOnlyEnvironmentVariablesTheApplicationReads(String name) throws IOException {
		String module = module(name);
		Map<String, Object> environment = (Map<String, Object>) service(name).get("environment");
		assertThat(environment).as("%s is configured through the environment", name).isNotEmpty();
		Set<String> placeholders = placeholders(module);
		Set<String> documented = documentedProperties(module);
		for (String variable : environment.keySet()) {
			if (variable.equals("JAVA_TOOL_OPTIONS") || placeholders.contains(variable)) {
				continue;
			}
			String relaxed = variable.toLowerCase(Locale.ROOT).replace('_', '.');
			if (relaxed.startsWith("spring.") || relaxed.startsWith("server.")) {
				continue;
			}
			// Boot binds FOO_BARBAZ and FOO_BAR_BAZ alike to foo.bar-baz; a <name>
			// segment of a documented property is a map key
			assertThat(documented).as("%s of %s is a property the app documents", variable, name)
				.anySatisfy(
						(property) -> assertThat(relaxed).matches(
								(candidate) -> relaxedForms(property).stream()
									.anyMatch((form) -> form.matcher(candidate).matches()),
								"a relaxed form of " + property));
		}
	}

	@ParameterizedTest
	@MethodSource("builtServices")
	@SuppressWarnings("unchecked")
	void publishesTheApplicationsOwnPortAndChecksItsHealthThere(String name) {
		Map<String, Object> environment = (Map<String, Object>) service(name).get("environment");
		Object port = (environment.get("PORT") != null) ? environment.get("PORT") : environment.get("SERVER_PORT");
		List<String> ports = (List<String>) service(name).getOrDefault("ports", List.of());
		for (String mapping : ports) {
			assertThat(mapping.substring(mapping.lastIndexOf(':') + 1)).as("container port of %s", name)
				.isEqualTo(String.valueOf(port));
		}
		Map<String, Object> healthcheck = (Map<String, Object>) service(name).get("healthcheck");
		if (healthcheck != null) {
			assertThat(String.join(" ", (List<String>) healthcheck.get("test")))
				.contains("/dev/tcp/127.0.0.1/" + port + " ");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void processorPublishesNoFixedPortSoItCanBeScaled() {
		assertThat(service("processor")).doesNotContainKey("ports").doesNotContainKey("container_name");
		// its actuator (health details, metrics, no token check) stays on loopback
		assertThat((Map<String, Object>) service("processor").get("environment")).doesNotContainKey("SERVER_ADDRESS");
	}

	@Test
	void holdsNoNoopSecret() {
		assertThat(composeText.toLowerCase(Locale.ROOT)).doesNotContain("{noop}");
	}

	@Test
	@SuppressWarnings("unchecked")
	void takesEverySecretFromTheEnvFile() {
		List<String> literal = new ArrayList<>();
		services.forEach((name, value) -> {
			Object environment = service(name).get("environment");
			if (environment == null) {
				return;
			}
			((Map<String, Object>) environment).forEach((variable, setting) -> {
				if (SECRET_NAME.matcher(variable).find()
						&& !REQUIRED_REFERENCE.matcher(String.valueOf(setting)).matches()) {
					literal.add(name + "." + variable + " = " + setting);
				}
			});
		});
		assertThat(literal).as("secrets not given as ${VAR:?…} references").isEmpty();
	}

	@Test
	void repeatsNoDevelopmentSecret() throws IOException {
		String authServerYml = Files.readString(ROOT.resolve("auth-server/src/main/resources/auth-server.yml"));
		Matcher secrets = Pattern.compile("secret:\\s*\"?(?:\\{noop})?([^\"\\s]+)").matcher(authServerYml);
		List<String> developmentSecrets = new ArrayList<>();
		while (secrets.find()) {
			developmentSecrets.add(secrets.group(1));
		}
		assertThat(developmentSecrets).isNotEmpty();
		assertThat(developmentSecrets).allSatisfy((secret) -> assertThat(composeText).doesNotContain(secret));
		try (Stream<Path> scripts = Files.list(ROOT.resolve("docker/postgres-init"))) {
			for (Path script : scripts.toList()) {
				assertThat(Files.readString(script)).as("%s", script)
					.doesNotContainPattern("(?i)PASSWORD\\s+'")
					.doesNotContain("query-secret");
			}
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void overridesTheSecretOfEveryDevelopmentClient() throws IOException {
		Map<String, Object> authServerYml;
		try (Reader reader = Files.newBufferedReader(ROOT.resolve("auth-server/src/main/resources/auth-server.yml"))) {
			// its first document: what every profile gets (the demo people come after)
			authServerYml = (Map<String, Object>) new Yaml(new LoaderOptions()).loadAll(reader).iterator().next();
		}
		Map<String, Object> clients = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) authServerYml
			.get("timesheets")).get("auth")).get("clients");
		Map<String, Object> environment = (Map<String, Object>) service("auth-server").get("environment");
		assertThat(clients).isNotEmpty();
		for (String client : clients.keySet()) {
			String variable = "TIMESHEETS_AUTH_CLIENTS_" + client.toUpperCase(Locale.ROOT) + "_SECRET";
			assertThat(environment).as("auth-server overrides the secret of client %s", client).containsKey(variable);
			assertThat(String.valueOf(environment.get(variable))).matches(REQUIRED_REFERENCE);
		}
		Map<String, Object> apps = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) authServerYml
			.get("timesheets")).get("auth")).get("apps");
		assertThat(apps).isNotEmpty();
		apps.forEach((app, settings) -> {
			if (((Map<String, Object>) settings).containsKey("secret")) {
				String variable = "TIMESHEETS_AUTH_APPS_" + app.toUpperCase(Locale.ROOT) + "_SECRET";
				assertThat(environment).as("auth-server overrides the secret of app %s", app).containsKey(variable);
				assertThat(String.valueOf(environment.get(variable))).matches(REQUIRED_REFERENCE);
			}
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void theDemoPeopleNeverSignInToTheComposeStack() {
		Map<String, Object> environment = (Map<String, Object>) service("auth-server").get("environment");
		assertThat(environment).containsKey("SPRING_PROFILES_ACTIVE");
		assertThat(String.valueOf(environment.get("SPRING_PROFILES_ACTIVE"))).isNotBlank()
			.doesNotContain("demo-people");
	}

	@Test
	@SuppressWarnings("unchecked")
	void publishesTheAuthServerOnLoopbackOnly() {
		List<String> ports = (List<String>) service("auth-server").getOrDefault("ports", List.of());
		assertThat(ports).allSatisfy((mapping) -> assertThat(mapping).as("host address of %s", mapping)
			.matches("(127\\.0\\.0\\.1|\\[::1]):\\d+:\\d+"));
	}

	@Test
	void envExampleListsEveryVariableTheComposeFileReadsAndGitIgnoresTheEnvFile() throws IOException {
		String example = Files.readString(ROOT.resolve(".env.example"));
		Matcher references = REFERENCE.matcher(composeText);
		Set<String> required = new HashSet<>();
		Set<String> optional = new HashSet<>();
		while (references.find()) {
			boolean isRequired = references.group(2) != null && references.group(2).contains("?");
			(isRequired ? required : optional).add(references.group(1));
		}
		assertThat(required).contains("POSTGRES_PASSWORD", "UPLOADER_CLIENT_SECRET");
		for (String variable : required) {
			// empty in the example: a copy that was not filled in does not start
			assertThat(example).as("%s in .env.example", variable).containsPattern("(?m)^" + variable + "=$");
		}
		for (String variable : optional) {
			assertThat(example).as("%s in .env.example", variable).containsPattern("(?m)^#\\s*" + variable + "=");
		}
		List<String> ignored = Files.readAllLines(ROOT.resolve(".gitignore")).stream().map(String::strip).toList();
		assertThat(ignored).contains(".env");
	}

	@Test
	@SuppressWarnings("unchecked")
	void waitsForHealthyDependencies() {
		services.forEach((name, value) -> {
			Object dependsOn = service(name).get("depends_on");
			if (dependsOn == null) {
				return;
			}
			((Map<String, Object>) dependsOn).forEach((dependency, condition) -> {
				Object waitsFor = ((Map<String, Object>) condition).get("condition");
				// a one-shot step (Kafka's certificates, its ACLs) must have succeeded
				if ("no".equals(service(dependency).get("restart"))) {
					assertThat(waitsFor).as("%s waits for %s", name, dependency)
						.isEqualTo("service_completed_successfully");
					return;
				}
				assertThat(waitsFor).as("%s waits for %s", name, dependency).isEqualTo("service_healthy");
				assertThat(service(dependency)).as("%s has a health check", dependency).containsKey("healthcheck");
			});
		});
	}

	private static List<String> builtServicesList() {
		List<String> names = new ArrayList<>();
		services.forEach((name, value) -> {
			if (service(name).containsKey("build")) {
				names.add(name);
			}
		});
		return names;
	}

	private static Set<String> placeholders(String module) throws IOException {
		Set<String> names = new HashSet<>();
		try (Stream<Path> files = Files.list(ROOT.resolve(module).resolve("src/main/resources"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".yml")).toList()) {
				Matcher matcher = Pattern.compile("\\$\\{([A-Z0-9_]+)[:}]").matcher(Files.readString(file));
				while (matcher.find()) {
					names.add(matcher.group(1));
				}
			}
		}
		return names;
	}

	private static List<Pattern> relaxedForms(String property) {
		List<Pattern> forms = new ArrayList<>();
		for (String form : List.of(property.replace("-", ""), property.replace('-', '.'))) {
			forms.add(Pattern.compile(Pattern.quote(form).replaceAll("<[a-z]+>", "\\\\E[a-z0-9]+\\\\Q")));
		}
		return forms;
	}

	private static Set<String> documentedProperties(String module) throws IOException {
		Set<String> properties = new HashSet<>();
		Matcher matcher = DOCUMENTED_PROPERTY.matcher(Files.readString(ROOT.resolve(module).resolve("README.md")));
		while (matcher.find()) {
			properties.add(matcher.group(1));
		}
		return properties;
	}

}
