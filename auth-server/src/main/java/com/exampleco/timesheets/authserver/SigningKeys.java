package com.exampleco.timesheets.authserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The RSA keys that sign access tokens. A key id ({@code kid}) is the key's RFC 7638
 * thumbprint unless the file names one, so the same key always publishes the same
 * {@code kid}. A key file is a JWK Set of private RSA keys in JSON ({@code {"keys":[…]}};
 * the first key signs, all are published) or, as before, one private JWK. It is created
 * owner-only (on POSIX file systems) with one new key when missing, and reused as it is
 * afterwards.
 */
final class SigningKeys {

	private static final Log logger = LogFactory.getLog(SigningKeys.class);

	private static final int KEY_SIZE = 2048;

	private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE);

	private SigningKeys() {
	}

	/**
	 * Returns a fresh key that lives only as long as this process.
	 * @return a new RS256 signing key, never null
	 */
	static RSAKey generate() {
		try {
			return new RSAKeyGenerator(KEY_SIZE).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint(true)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA signing key", ex);
		}
	}

	/**
	 * Reads the keys from {@code file}, or generates one and writes it there (as a JWK
	 * Set) first when the file does not exist.
	 * @param file the key file
	 * @return the keys, the signing key first, never empty
	 */
	static JWKSet loadOrCreate(Path file) {
		if (Files.exists(file)) {
			JWKSet keys = read(file);
			logger.info("Loaded signing keys " + keyIds(keys) + " from " + file);
			return keys;
		}
		JWKSet keys = new JWKSet(generate());
		try {
			write(keys, file);
		}
		catch (FileAlreadyExistsException ex) {
			// another instance won the race: use its key
			return read(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the signing key to " + file, ex);
		}
		logger.info("Created signing key " + keyIds(keys) + " in " + file);
		return keys;
	}

	/**
	 * Reads the key file.
	 * @param file the key file
	 * @return its keys, the signing key first, never empty
	 * @throws IllegalStateException when the file holds no private RSA keys, a public
	 * one, or two keys with the same {@code kid}
	 * @throws UncheckedIOException when the file cannot be read
	 */
	static JWKSet read(Path file) {
		String content;
		try {
			content = Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the signing keys from " + file, ex);
		}
		return parse(content, file);
	}

	/**
	 * Parses a key file's content.
	 * @param content the JSON text
	 * @param file the file, for messages
	 * @return its keys, the signing key first, never empty
	 */
	static JWKSet parse(String content, Path file) {
		List<JWK> keys;
		try {
			Map<String, Object> json = JSONObjectUtils.parse(content);
			keys = json.containsKey("keys") ? JWKSet.parse(json).getKeys() : List.of(JWK.parse(json));
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Signing key file " + file + " is not a JWK or JWK Set: " + ex.getMessage(),
					ex);
		}
		if (keys.isEmpty()) {
			throw new IllegalStateException("Signing key file " + file + " holds no key");
		}
		List<JWK> named = new ArrayList<>();
		Set<String> keyIds = new HashSet<>();
		for (JWK jwk : keys) {
			if (!(jwk instanceof RSAKey rsaKey) || !rsaKey.isPrivate()) {
				throw new IllegalStateException("Signing key file " + file + " must hold private RSA JWKs only");
			}
			RSAKey key = (rsaKey.getKeyID() != null) ? rsaKey : withThumbprintKeyId(rsaKey);
			if (!keyIds.add(key.getKeyID())) {
				throw new IllegalStateException(
						"Signing key file " + file + " holds two keys with kid " + key.getKeyID());
			}
			named.add(key);
		}
		return new JWKSet(named);
	}

	static List<String> keyIds(JWKSet keys) {
		return keys.getKeys().stream().map(JWK::getKeyID).toList();
	}

	private static RSAKey withThumbprintKeyId(RSAKey key) {
		try {
			return new RSAKey.Builder(key).keyIDFromThumbprint().build();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot compute the key id of the signing key", ex);
		}
	}

	private static void write(JWKSet keys, Path file) throws IOException {
		Path directory = file.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path temporary = ownerOnlyTemporaryFile(directory);
		try {
			Files.writeString(temporary, keys.toString(false));
			// no REPLACE_EXISTING: a key file that appeared meanwhile is kept
			Files.move(temporary, file);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static Path ownerOnlyTemporaryFile(Path directory) throws IOException {
		if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return Files.createTempFile(directory, ".signing-key", ".tmp",
					PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		Path temporary = Files.createTempFile(directory, ".signing-key", ".tmp");
		temporary.toFile().setReadable(false, false);
		temporary.toFile().setReadable(true, true);
		temporary.toFile().setWritable(false, false);
		temporary.toFile().setWritable(true, true);
		return temporary;
	}

}
