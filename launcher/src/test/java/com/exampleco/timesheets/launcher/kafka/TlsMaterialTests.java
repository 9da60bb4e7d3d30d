package com.exampleco.timesheets.launcher.kafka;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TlsMaterialTests {

	@Test
	void issuesABrokerCertificateSignedByItsOwnCaForEveryHostName(@TempDir Path directory) throws Exception {
		TlsMaterial material = TlsMaterial.prepare(directory.resolve("tls"),
				List.of("kafka", "localhost", "127.0.0.1"));

		List<X509Certificate> chain = material.brokerCertificateChain();
		X509Certificate ca = pem(material.caCertificate());
		assertThat(chain).hasSize(2);
		assertThat(chain.get(1)).isEqualTo(ca);
		chain.get(0).verify(ca.getPublicKey());
		ca.verify(ca.getPublicKey());
		assertThat(ca.getBasicConstraints()).as("the CA may sign").isGreaterThanOrEqualTo(0);
		assertThat(chain.get(0).getBasicConstraints()).as("the broker may not").isEqualTo(-1);
		assertThat(chain.get(0).getSubjectX500Principal().getName()).isEqualTo("CN=kafka");
		assertThat(chain.get(0).getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
		assertThat(TlsMaterial.subjectAlternativeNames(chain.get(0))).containsExactlyInAnyOrder("dns:kafka",
				"dns:localhost", "ip:127.0.0.1");
		KeyStore truststore = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(material.truststore())) {
			truststore.load(in, material.truststorePassword().toCharArray());
		}
		assertThat(truststore.getCertificate("ca")).isEqualTo(ca);
		assertThat(material.clientProperties()).containsEntry("ssl.truststore.type", "PEM")
			.containsEntry("ssl.truststore.location", material.caCertificate().toString());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(material.keystore())))
			.isEqualTo("rw-------");
		assertThat(PosixFilePermissions
			.toString(Files.getPosixFilePermissions(material.directory().resolve("keystore.password"))))
			.isEqualTo("rw-------");
	}

	@Test
	void reusesTheMaterialOnTheNextStart(@TempDir Path directory) throws Exception {
		TlsMaterial first = TlsMaterial.prepare(directory, List.of("localhost", "127.0.0.1"));
		byte[] keystore = Files.readAllBytes(first.keystore());
		byte[] ca = Files.readAllBytes(first.caCertificate());

		TlsMaterial second = TlsMaterial.prepare(directory, List.of("127.0.0.1", "localhost"));

		assertThat(Files.readAllBytes(second.keystore())).isEqualTo(keystore);
		assertThat(Files.readAllBytes(second.caCertificate())).isEqualTo(ca);
		assertThat(second.keystorePassword()).isEqualTo(first.keystorePassword());
	}

	@Test
	void issuesTheBrokerCertificateAgainWithTheSameCaWhenANameIsNew(@TempDir Path directory) throws Exception {
		TlsMaterial first = TlsMaterial.prepare(directory, List.of("localhost"));
		byte[] ca = Files.readAllBytes(first.caCertificate());
		X509Certificate before = first.brokerCertificateChain().get(0);

		TlsMaterial second = TlsMaterial.prepare(directory, List.of("localhost", "kafka.example.com"));

		X509Certificate after = second.brokerCertificateChain().get(0);
		assertThat(after).isNotEqualTo(before);
		assertThat(TlsMaterial.subjectAlternativeNames(after)).contains("dns:kafka.example.com", "dns:localhost");
		assertThat(Files.readAllBytes(second.caCertificate())).as("clients keep trusting the same CA").isEqualTo(ca);
		after.verify(pem(second.caCertificate()).getPublicKey());
	}

	@Test
	void startsOverWhenTheCaKeyIsGone(@TempDir Path directory) throws Exception {
		TlsMaterial first = TlsMaterial.prepare(directory, List.of("localhost"));
		X509Certificate oldCa = pem(first.caCertificate());
		Files.delete(directory.resolve("ca.p12"));

		TlsMaterial second = TlsMaterial.prepare(directory, List.of("localhost"));

		X509Certificate newCa = pem(second.caCertificate());
		assertThat(newCa).isNotEqualTo(oldCa);
		second.brokerCertificateChain().get(0).verify(newCa.getPublicKey());
	}

	private static X509Certificate pem(Path file) throws Exception {
		try (InputStream in = Files.newInputStream(file)) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
	}

}
