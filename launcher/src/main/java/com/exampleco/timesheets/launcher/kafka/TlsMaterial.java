package com.exampleco.timesheets.launcher.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The broker's TLS material, generated with the JDK's {@code keytool} the first time and
 * reused afterwards (kept in the broker's folder): a private CA, a broker certificate it
 * signed for the broker's host names and addresses (subject alternative names), and what
 * clients need to trust it. Files in {@link #directory()}:
 * <ul>
 * <li>{@code ca.p12}: the CA's key pair (stays here; signs the broker certificate)</li>
 * <li>{@code ca.pem}: the CA certificate for clients
 * ({@code ssl.truststore.type=PEM})</li>
 * <li>{@code truststore.p12} with {@code truststore.password}: the same CA as a PKCS12
 * truststore, for clients that want one (the password protects nothing secret)</li>
 * <li>{@code broker.p12}: the broker's key and certificate chain (its keystore)</li>
 * <li>{@code keystore.password}: the random password of {@code ca.p12} and
 * {@code broker.p12}, readable by the owner only</li>
 * </ul>
 * A later {@link #prepare(Path, List)} reuses everything that is still good: the broker
 * certificate is issued again (by the same CA, so clients keep their trust) only when it
 * lacks a requested name, expires within 30 days or was not signed by that CA; the CA is
 * created again only when its key store or password is missing.
 */
public final class TlsMaterial {

	private static final Pattern IP_ADDRESS = Pattern.compile("[0-9.]+|.*:.*");

	private static final Duration RENEW_BEFORE = Duration.ofDays(30);

	private static final String CA_VALIDITY_DAYS = "3650";

	private static final String BROKER_VALIDITY_DAYS = "825";

	private final Path directory;

	private final String keystorePassword;

	private final String truststorePassword;

	private TlsMaterial(Path directory, String keystorePassword, String truststorePassword) {
		this.directory = directory;
		this.keystorePassword = keystorePassword;
		this.truststorePassword = truststorePassword;
	}

	/**
	 * Generates the material in {@code directory} or reuses what is there (see the class
	 * comment).
	 * @param directory the folder, created if missing
	 * @param hostNames the names and IP addresses clients reach the broker by; at least
	 * one; the first is the certificate's common name
	 * @return the material, never null
	 * @throws IOException when the folder cannot be written or keytool fails
	 */
	public static TlsMaterial prepare(Path directory, List<String> hostNames) throws IOException {
		if (hostNames.isEmpty()) {
			throw new IllegalArgumentException("the broker certificate needs at least one host name");
		}
		Path folder = directory.toAbsolutePath();
		Files.createDirectories(folder);
		Keytool keytool = new Keytool(folder);
		Path passwordFile = folder.resolve("keystore.password");
		if (!Files.exists(folder.resolve("ca.p12")) || !Files.exists(passwordFile)) {
			for (String file : List.of("ca.p12", "ca.pem", "truststore.p12", "truststore.password", "broker.p12")) {
				Files.deleteIfExists(folder.resolve(file));
			}
			writeSecret(passwordFile, randomPassword());
			keytool.run(Files.readString(passwordFile), "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname",
					"secp256r1", "-dname", "CN=Timesheets Kafka CA", "-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign",
					"-validity", CA_VALIDITY_DAYS, "-keystore", "ca.p12", "-storetype", "PKCS12", "-storepass:env",
					Keytool.PASSWORD_VARIABLE);
		}
		String password = Files.readString(passwordFile).strip();
		if (!Files.exists(folder.resolve("ca.pem"))) {
			keytool.run(password, "-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-storepass:env",
					Keytool.PASSWORD_VARIABLE, "-file", "ca.pem");
		}
		Path truststorePasswordFile = folder.resolve("truststore.password");
		if (!Files.exists(folder.resolve("truststore.p12")) || !Files.exists(truststorePasswordFile)) {
			Files.deleteIfExists(folder.resolve("truststore.p12"));
			Files.writeString(truststorePasswordFile, randomPassword(), StandardCharsets.US_ASCII);
			keytool.run(Files.readString(truststorePasswordFile), "-importcert", "-noprompt", "-alias", "ca", "-file",
					"ca.pem", "-keystore", "truststore.p12", "-storetype", "PKCS12", "-storepass:env",
					Keytool.PASSWORD_VARIABLE);
		}
		TlsMaterial material = new TlsMaterial(folder, password, Files.readString(truststorePasswordFile).strip());
		if (!material.brokerCertificateCovers(hostNames)) {
			material.issueBrokerCertificate(keytool, hostNames);
		}
		return material;
	}

	/**
	 * The folder of the files.
	 * @return an absolute path
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * The CA certificate (PEM) clients trust.
	 * @return {@code <directory>/ca.pem}
	 */
	public Path caCertificate() {
		return this.directory.resolve("ca.pem");
	}

	/**
	 * The broker's keystore (PKCS12): its key and the chain broker, CA.
	 * @return {@code <directory>/broker.p12}
	 */
	public Path keystore() {
		return this.directory.resolve("broker.p12");
	}

	/**
	 * The password of {@link #keystore()}.
	 * @return the password, never null
	 */
	public String keystorePassword() {
		return this.keystorePassword;
	}

	/**
	 * The CA as a PKCS12 truststore for clients.
	 * @return {@code <directory>/truststore.p12}
	 */
	public Path truststore() {
		return this.directory.resolve("truststore.p12");
	}

	/**
	 * The password of {@link #truststore()} (it guards only the integrity of a public
	 * certificate).
	 * @return the password, never null
	 */
	public String truststorePassword() {
		return this.truststorePassword;
	}

	/**
	 * What a Kafka client adds to trust the broker: the CA certificate as a PEM
	 * truststore. The client keeps hostname verification on (Kafka's default), so it must
	 * reach the broker by one of the certificate's names.
	 * @return {@code ssl.truststore.type=PEM} and {@code ssl.truststore.location}
	 */
	public Map<String, String> clientProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("ssl.truststore.type", "PEM");
		properties.put("ssl.truststore.location", caCertificate().toString());
		return properties;
	}

	/**
	 * The broker certificate of {@link #keystore()}.
	 * @return its certificate chain, broker first
	 * @throws IOException when the keystore cannot be read
	 */
	public List<X509Certificate> brokerCertificateChain() throws IOException {
		try (InputStream in = Files.newInputStream(keystore())) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, this.keystorePassword.toCharArray());
			Certificate[] certificates = store.getCertificateChain("broker");
			if (certificates == null) {
				throw new IOException(keystore() + " holds no key named broker");
			}
			List<X509Certificate> chain = new ArrayList<>();
			for (Certificate certificate : certificates) {
				chain.add((X509Certificate) certificate);
			}
			return chain;
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("cannot read the broker certificate of " + keystore(), ex);
		}
	}

	/**
	 * The subject alternative names of a certificate, as keytool writes them.
	 * @param certificate the certificate
	 * @return {@code dns:<name>} and {@code ip:<address>} entries, never null
	 */
	public static Set<String> subjectAlternativeNames(X509Certificate certificate) {
		Set<String> names = new TreeSet<>();
		try {
			Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
			if (entries != null) {
				for (List<?> entry : entries) {
					int type = (Integer) entry.get(0);
					if (type == 2) {
						names.add("dns:" + entry.get(1));
					}
					else if (type == 7) {
						names.add("ip:" + entry.get(1));
					}
				}
			}
		}
		catch (CertificateParsingException ex) {
			return names;
		}
		return names;
	}

	private boolean brokerCertificateCovers(List<String> hostNames) {
		if (!Files.exists(keystore())) {
			return false;
		}
		try {
			List<X509Certificate> chain = brokerCertificateChain();
			X509Certificate broker = chain.get(0);
			X509Certificate ca = caCertificateOf(chain);
			broker.verify(ca.getPublicKey());
			broker.checkValidity(Date.from(Instant.now().plus(RENEW_BEFORE)));
			return subjectAlternativeNames(broker).containsAll(sanEntries(hostNames));
		}
		catch (IOException | GeneralSecurityException | RuntimeException ex) {
			return false;
		}
	}

	private X509Certificate caCertificateOf(List<X509Certificate> chain) throws IOException, GeneralSecurityException {
		try (InputStream in = Files.newInputStream(caCertificate())) {
			X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
			if (chain.size() < 2 || !chain.get(chain.size() - 1).equals(ca)) {
				throw new GeneralSecurityException("the chain does not end with " + caCertificate());
			}
			return ca;
		}
	}

	private void issueBrokerCertificate(Keytool keytool, List<String> hostNames) throws IOException {
		Files.deleteIfExists(keystore());
		String store = Keytool.PASSWORD_VARIABLE;
		String san = "san=" + String.join(",", sanEntries(hostNames));
		keytool.run(this.keystorePassword, "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname",
				"secp256r1", "-dname", "CN=" + hostNames.get(0), "-validity", BROKER_VALIDITY_DAYS, "-keystore",
				"broker.p12", "-storetype", "PKCS12", "-storepass:env", store);
		keytool.run(this.keystorePassword, "-certreq", "-alias", "broker", "-keystore", "broker.p12", "-storepass:env",
				store, "-file", "broker.csr");
		keytool.run(this.keystorePassword, "-gencert", "-alias", "ca", "-keystore", "ca.p12", "-storepass:env", store,
				"-infile", "broker.csr", "-outfile", "broker.crt", "-rfc", "-validity", BROKER_VALIDITY_DAYS, "-ext",
				san, "-ext", "ku:c=digitalSignature,keyAgreement", "-ext", "eku=serverAuth");
		keytool.run(this.keystorePassword, "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore",
				"broker.p12", "-storepass:env", store);
		keytool.run(this.keystorePassword, "-importcert", "-alias", "broker", "-file", "broker.crt", "-keystore",
				"broker.p12", "-storepass:env", store);
		Files.deleteIfExists(this.directory.resolve("broker.csr"));
		Files.deleteIfExists(this.directory.resolve("broker.crt"));
		ownerOnly(keystore());
		ownerOnly(this.directory.resolve("ca.p12"));
	}

	private static List<String> sanEntries(List<String> hostNames) {
		return hostNames.stream().map((name) -> (IP_ADDRESS.matcher(name).matches() ? "ip:" : "dns:") + name).toList();
	}

	private static String randomPassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static void writeSecret(Path file, String secret) throws IOException {
		Files.writeString(file, secret, StandardCharsets.US_ASCII);
		ownerOnly(file);
	}

	private static void ownerOnly(Path file) throws IOException {
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
	}

}
