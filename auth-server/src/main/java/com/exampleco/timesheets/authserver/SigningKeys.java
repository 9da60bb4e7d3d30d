package com.exampleco.timesheets.authserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.EnumSet;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The RSA key that signs access tokens. Its key id ({@code kid}) is the key's RFC 7638
 * thumbprint, so the same key always publishes the same {@code kid}. A key file is a
 * private JWK in JSON; it is created owner-only (on POSIX file systems) when missing, and
 * reused as it is afterwards.
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
	 * Reads the key from {@code file}, or generates one and writes it there first when
	 * the file does not exist.
	 * @param file the JWK file
	 * @return the key, never null
	 */
	static RSAKey loadOrCreate(Path file) {
		if (Files.exists(file)) {
			return read(file);
		}
		RSAKey key = generate();
		try {
			write(key, file);
		}
		catch (FileAlreadyExistsException ex) {
			// another instance won the race: use its key
			return read(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the signing key to " + file, ex);
		}
		logger.info("Created signing key " + key.getKeyID() + " in " + file);
		return key;
	}

	private static RSAKey read(Path file) {
		JWK jwk;
		try {
			jwk = JWK.parse(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the signing key from " + file, ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Signing key file " + file + " is not a JWK: " + ex.getMessage(), ex);
		}
		if (!(jwk instanceof RSAKey rsaKey) || !rsaKey.isPrivate()) {
			throw new IllegalStateException("Signing key file " + file + " must hold a private RSA JWK");
		}
		if (rsaKey.getKeyID() == null) {
			rsaKey = withThumbprintKeyId(rsaKey);
		}
		logger.info("Loaded signing key " + rsaKey.getKeyID() + " from " + file);
		return rsaKey;
	}

	private static RSAKey withThumbprintKeyId(RSAKey key) {
		try {
			return new RSAKey.Builder(key).keyIDFromThumbprint().build();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot compute the key id of the signing key", ex);
		}
	}

	private static void write(RSAKey key, Path file) throws IOException {
		Path directory = file.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path temporary = ownerOnlyTemporaryFile(directory);
		try {
			Files.writeString(temporary, key.toJSONString());
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
