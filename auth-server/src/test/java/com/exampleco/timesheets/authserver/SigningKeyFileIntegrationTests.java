package com.exampleco.timesheets.authserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A configured key file keeps the signing key, and so the {@code kid} and the validity of
 * issued tokens, across restarts.
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

	private static ConfigurableApplicationContext start(Path keyFile) {
		return AuthServerApplication.start("--server.port=0", "--timesheets.auth.key-file=" + keyFile);
	}

}
