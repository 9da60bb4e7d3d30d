package com.exampleco.timesheets.authserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The signing keys as the authorization server uses them: all of them are published at
 * {@code /oauth2/jwks}, the first one signs (see {@link #signingKey(List)}). With a key
 * file, the file is read again every poll interval and a changed content replaces the
 * keys without a restart — this is how an operator rotates: write {@code [new, old]},
 * later {@code [new]}. A content that cannot be used (not JSON, a public key, no key) is
 * logged and ignored: the keys in use stay. Without a key file the keys never change.
 */
final class SigningKeySource implements JWKSource<SecurityContext>, AutoCloseable {

	private static final Log logger = LogFactory.getLog(SigningKeySource.class);

	private final @Nullable Path file;

	private final @Nullable ScheduledExecutorService poller;

	private volatile JWKSet keys;

	private volatile @Nullable String content;

	private SigningKeySource(JWKSet keys, @Nullable Path file, @Nullable String content, Duration pollInterval) {
		this.keys = keys;
		this.file = file;
		this.content = content;
		if (file == null || pollInterval.isZero()) {
			this.poller = null;
			return;
		}
		this.poller = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "signing-key-file");
			thread.setDaemon(true);
			return thread;
		});
		long millis = pollInterval.toMillis();
		this.poller.scheduleWithFixedDelay(this::reloadIfChanged, millis, millis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Keys from the key file (created with one new key when missing), read again every
	 * poll interval.
	 * @param file the key file
	 * @param pollInterval how often the file is read again; zero: never
	 * @return the source, polling already
	 */
	static SigningKeySource fromFile(Path file, Duration pollInterval) {
		JWKSet keys = SigningKeys.loadOrCreate(file);
		return new SigningKeySource(keys, file, readQuietly(file), pollInterval);
	}

	/**
	 * One new key for the life of this process.
	 * @return the source
	 */
	static SigningKeySource generated() {
		return new SigningKeySource(new JWKSet(SigningKeys.generate()), null, null, Duration.ZERO);
	}

	/**
	 * The key that signs, among those that match a signing request: the first, since
	 * {@link JWKSelector} keeps the key file's order.
	 * @param candidates the matching keys, in the key file's order
	 * @return the first
	 */
	static JWK signingKey(List<JWK> candidates) {
		return candidates.get(0);
	}

	@Override
	public List<JWK> get(JWKSelector selector, @Nullable SecurityContext context) {
		return selector.select(this.keys);
	}

	/**
	 * The keys in use now.
	 * @return the keys, the signing key first
	 */
	JWKSet keys() {
		return this.keys;
	}

	/** Reads the key file and takes its keys when its content changed. */
	void reloadIfChanged() {
		Path keyFile = this.file;
		if (keyFile == null) {
			return;
		}
		String now = readQuietly(keyFile);
		if (now == null || now.equals(this.content)) {
			return;
		}
		try {
			JWKSet reloaded = SigningKeys.parse(now, keyFile);
			this.keys = reloaded;
			logger.info("Reloaded signing keys " + SigningKeys.keyIds(reloaded) + " from " + keyFile + "; "
					+ reloaded.getKeys().get(0).getKeyID() + " signs");
		}
		catch (RuntimeException ex) {
			logger.error("Ignoring the changed signing key file " + keyFile + ", keeping keys "
					+ SigningKeys.keyIds(this.keys) + ": " + ex.getMessage());
		}
		// a bad content is reported once, not at every poll
		this.content = now;
	}

	@Override
	public void close() {
		if (this.poller != null) {
			this.poller.shutdownNow();
		}
	}

	private static @Nullable String readQuietly(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException | UncheckedIOException ex) {
			// mid-replacement or removed: try again at the next poll
			return null;
		}
	}

}
