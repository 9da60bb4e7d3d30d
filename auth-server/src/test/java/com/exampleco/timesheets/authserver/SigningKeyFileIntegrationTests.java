package com.exampleco.timesheets.authserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A configured key file keeps the signing key, and so the {@code kid} and the validity of
 * issued tokens, across restarts; keys written to it are taken without a restart (key
 * rotation).
 */
class SigningKeyFileIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void createsMissingKeyFileOwnerOnlyAndReusesItAfterRestart() throws IOException {
		Path keyFile = this.directory.resolve("keys/signing-key.json");
		String firstKeyId;
		SignedJWT firstToken;
		try (ConfigurableApplicationContext context = start(keyFile)) {
			AuthServerHttp server = new AuthServerHttp(context);
			firstToken = server.accessToken("contractor-app", "contractor-secret", "read:timesheets");
			firstKeyId = firstToken.getHeader().getKeyID();
			assertThat(server.jwks().getKeyByKeyId(firstKeyId)).isNotNull();
		}
		assertThat(keyFile).exists();
		if (Files.getFileStore(keyFile).supportsFileAttributeView("posix")) {
			assertThat(Files.getPosixFilePermissions(keyFile)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
					PosixFilePermission.OWNER_WRITE);
		}
		String written = Files.readString(keyFile);

		try (ConfigurableApplicationContext context = start(keyFile)) {
			AuthServerHttp server = new AuthServerHttp(context);
			SignedJWT secondToken = server.accessToken("contractor-app", "contractor-secret", "read:timesheets");

			assertThat(secondToken.getHeader().getKeyID()).isEqualTo(firstKeyId);
			assertThat(server.jwks().getKeys()).singleElement()
				.satisfies((key) -> assertThat(key.getKeyID()).isEqualTo(firstKeyId));
			assertThat(server.verifiesAgainstServedJwks(firstToken)).as("token from before the restart verifies")
				.isTrue();
		}
		assertThat(keyFile).content().isEqualTo(written);
	}

	@Test
	void generatesNewKeyAtEachStartWithoutKeyFile() {
		String firstKeyId;
		try (ConfigurableApplicationContext context = AuthServerApplication.start("--server.port=0")) {
			firstKeyId = new AuthServerHttp(context).jwks().getKeys().get(0).getKeyID();
		}
		try (ConfigurableApplicationContext context = AuthServerApplication.start("--server.port=0")) {
			assertThat(new AuthServerHttp(context).jwks().getKeys().get(0).getKeyID()).isNotEqualTo(firstKeyId);
		}
	}

	@Test
	void rotatesKeysWrittenToTheKeyFileWithoutARestart() throws Exception {
		Path keyFile = this.directory.resolve("signing-keys.json");
		RSAKey k1 = SigningKeys.generate();
		RSAKey k2 = SigningKeys.generate();
		Files.writeString(keyFile, new JWKSet(k1).toString(false));
		try (ConfigurableApplicationContext context = AuthServerApplication.start("--server.port=0",
				"--timesheets.auth.key-file=" + keyFile, "--timesheets.auth.key-file-poll-interval=200ms")) {
			AuthServerHttp server = new AuthServerHttp(context);
			SignedJWT before = server.accessToken("contractor-app", "contractor-secret", "read:timesheets");
			assertThat(before.getHeader().getKeyID()).isEqualTo(k1.getKeyID());

			// publish and sign with k2, keep k1 published
			Files.writeString(keyFile, new JWKSet(List.of(k2, k1)).toString(false));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(keyIds(server)).containsExactly(k2.getKeyID(), k1.getKeyID()));
			SignedJWT during = server.accessToken("contractor-app", "contractor-secret", "read:timesheets");
			assertThat(during.getHeader().getKeyID()).isEqualTo(k2.getKeyID());
			assertThat(server.verifiesAgainstServedJwks(during)).isTrue();
			assertThat(server.verifiesAgainstServedJwks(before)).as("k1 tokens during the overlap").isTrue();

			// retire k1
			Files.writeString(keyFile, new JWKSet(k2).toString(false));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(keyIds(server)).containsExactly(k2.getKeyID()));
			assertThat(server.verifiesAgainstServedJwks(before)).as("k1 retired").isFalse();
			assertThat(
					server.accessToken("contractor-app", "contractor-secret", "read:timesheets").getHeader().getKeyID())
				.isEqualTo(k2.getKeyID());
			assertThat(context.getBean(SigningKeySource.class).keys().getKeys()).hasSize(1);
		}
	}

	@Test
	void keepsTheKeysWhenAChangedFileCannotBeUsed() throws Exception {
		Path keyFile = this.directory.resolve("signing-keys.json");
		RSAKey k1 = SigningKeys.generate();
		Files.writeString(keyFile, new JWKSet(k1).toString(false));
		try (SigningKeySource source = SigningKeySource.fromFile(keyFile, Duration.ZERO)) {
			Files.writeString(keyFile, new JWKSet(SigningKeys.generate().toPublicJWK()).toString(false));
			source.reloadIfChanged();
			assertThat(SigningKeys.keyIds(source.keys())).containsExactly(k1.getKeyID());

			Files.delete(keyFile);
			source.reloadIfChanged();
			assertThat(SigningKeys.keyIds(source.keys())).containsExactly(k1.getKeyID());

			RSAKey k2 = SigningKeys.generate();
			Files.writeString(keyFile, new JWKSet(List.of(k2, k1)).toString(false));
			source.reloadIfChanged();
			assertThat(SigningKeys.keyIds(source.keys())).containsExactly(k2.getKeyID(), k1.getKeyID());
		}
	}

	private static List<String> keyIds(AuthServerHttp server) {
		return server.jwks().getKeys().stream().map(JWK::getKeyID).toList();
	}

	private static ConfigurableApplicationContext start(Path keyFile) {
		return AuthServerApplication.start("--server.port=0", "--timesheets.auth.key-file=" + keyFile);
	}

}
