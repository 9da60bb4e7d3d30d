package com.exampleco.timesheets.authserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeysTests {

	@TempDir
	Path directory;

	@Test
	void generatedKeyIdIsTheKeysThumbprint() throws Exception {
		RSAKey key = SigningKeys.generate();

		assertThat(key.isPrivate()).isTrue();
		assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
	}

	@Test
	void loadOrCreateReturnsTheSameKeyOnceWritten() {
		Path file = this.directory.resolve("key.json");

		RSAKey created = SigningKeys.loadOrCreate(file);
		RSAKey loaded = SigningKeys.loadOrCreate(file);

		assertThat(file).exists();
		assertThat(loaded).isEqualTo(created);
		assertThat(this.directory).isDirectoryNotContaining("glob:**.tmp");
	}

	@Test
	void givesKeyWithoutKeyIdItsThumbprint() throws Exception {
		RSAKey withoutKeyId = new RSAKey.Builder(SigningKeys.generate()).keyID(null).build();
		Path file = this.directory.resolve("key.json");
		Files.writeString(file, withoutKeyId.toJSONString());

		RSAKey loaded = SigningKeys.loadOrCreate(file);

		assertThat(loaded.getKeyID()).isEqualTo(withoutKeyId.computeThumbprint().toString());
	}

	@Test
	void rejectsFileWithPublicKeyOnly() throws IOException {
		Path file = this.directory.resolve("key.json");
		Files.writeString(file, SigningKeys.generate().toPublicJWK().toJSONString());

		assertThatIllegalStateException().isThrownBy(() -> SigningKeys.loadOrCreate(file))
			.withMessageContaining("private RSA JWK");
	}

	@Test
	void rejectsFileThatIsNotJwk() throws IOException {
		Path file = this.directory.resolve("key.json");
		Files.writeString(file, "-----BEGIN PRIVATE KEY-----");

		assertThatIllegalStateException().isThrownBy(() -> SigningKeys.loadOrCreate(file))
			.withMessageContaining("is not a JWK");
	}

}
