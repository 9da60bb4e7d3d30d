package com.exampleco.timesheets.authserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
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
	void loadOrCreateReturnsTheSameKeyOnceWritten() throws Exception {
		Path file = this.directory.resolve("key.json");

		JWKSet created = SigningKeys.loadOrCreate(file);
		JWKSet loaded = SigningKeys.loadOrCreate(file);

		assertThat(file).exists();
		assertThat(created.getKeys()).hasSize(1);
		assertThat(loaded.getKeys()).isEqualTo(created.getKeys());
		assertThat(JWKSet.parse(Files.readString(file)).getKeys()).as("written as a JWK Set")
			.isEqualTo(created.getKeys());
		assertThat(this.directory).isDirectoryNotContaining("glob:**.tmp");
	}

	@Test
	void givesKeyWithoutKeyIdItsThumbprint() throws Exception {
		RSAKey withoutKeyId = new RSAKey.Builder(SigningKeys.generate()).keyID(null).build();
		Path file = this.directory.resolve("key.json");
		Files.writeString(file, withoutKeyId.toJSONString());

		JWKSet loaded = SigningKeys.loadOrCreate(file);

		assertThat(loaded.getKeys()).singleElement()
			.satisfies((key) -> assertThat(key.getKeyID()).isEqualTo(withoutKeyId.computeThumbprint().toString()));
	}

	@Test
	void readsAJwkSetInItsOrderTheSigningKeyFirst() throws Exception {
		RSAKey next = SigningKeys.generate();
		RSAKey current = new RSAKey.Builder(SigningKeys.generate()).keyID(null).build();
		Path file = this.directory.resolve("keys.json");
		Files.writeString(file, new JWKSet(List.of(next, current)).toString(false));

		JWKSet loaded = SigningKeys.read(file);

		assertThat(SigningKeys.keyIds(loaded)).containsExactly(next.getKeyID(), current.computeThumbprint().toString());
		assertThat(SigningKeySource.signingKey(loaded.getKeys()).getKeyID()).isEqualTo(next.getKeyID());
	}

	@Test
	void rejectsJwkSetWithAPublicKeyOrTwoKeysOfOneKid() throws IOException {
		RSAKey key = SigningKeys.generate();
		Path withPublic = this.directory.resolve("public.json");
		Files.writeString(withPublic, new JWKSet(List.of(key, SigningKeys.generate().toPublicJWK())).toString(false));
		Path twice = this.directory.resolve("twice.json");
		Files.writeString(twice, new JWKSet(List.of(key, key)).toString(false));
		Path empty = this.directory.resolve("empty.json");
		Files.writeString(empty, "{\"keys\":[]}");

		assertThatIllegalStateException().isThrownBy(() -> SigningKeys.read(withPublic))
			.withMessageContaining("private RSA JWKs only");
		assertThatIllegalStateException().isThrownBy(() -> SigningKeys.read(twice))
			.withMessageContaining("two keys with kid " + key.getKeyID());
		assertThatIllegalStateException().isThrownBy(() -> SigningKeys.read(empty)).withMessageContaining("no key");
	}

	@Test
	void rejectsFileWithPublicKeyOnly() throws IOException {
		Path file = this.directory.resolve("key.json");
		Files.writeString(file, SigningKeys.generate().toPublicJWK().toJSONString());

		assertThatIllegalStateException().isThrownBy(() -> SigningKeys.loadOrCreate(file))
			.withMessageContaining("private RSA JWKs only");
	}

	@Test
	void rejectsFileThatIsNotJwk() throws IOException {
		Path file = this.directory.resolve("key.json");
		Files.writeString(file, "-----BEGIN PRIVATE KEY-----");

		assertThatIllegalStateException().isThrownBy(() -> SigningKeys.loadOrCreate(file))
			.withMessageContaining("is not a JWK");
	}

}
