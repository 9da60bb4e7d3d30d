package com.exampleco.timesheets.systemtests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.exampleco.timesheets.systemtests.harness.Pipeline;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Tokens signed with the key the running APIs trust: the auth server's own signing key,
 * read from its key file. A hostile token made this way differs from an accepted one in
 * exactly one defect (expired, wrong audience, …), so a 401 proves that check, not a bad
 * signature. {@link #valid()} is the control: it must be accepted.
 */
final class TrustedKeyTokens {

	static final String AUDIENCE = "https://api.timesheets.exampleco.com";

	static final String ALL_SCOPES = "create:timesheets read:timesheets approve:timesheets delete:timesheets";

	private final Pipeline pipeline;

	private final RSAKey key;

	TrustedKeyTokens(Pipeline pipeline) throws Exception {
		this(pipeline, signingKey(pipeline));
	}

	/**
	 * Tokens signed with the given key (e.g. one the auth server no longer publishes).
	 */
	TrustedKeyTokens(Pipeline pipeline, RSAKey key) {
		this.pipeline = pipeline;
		this.key = key;
	}

	/**
	 * The auth server's signing key: the first of its key file, a JWK Set (or, as written
	 * by older versions, one JWK).
	 */
	static RSAKey signingKey(Pipeline pipeline) throws Exception {
		String content = Files.readString(pipeline.authSigningKeyFile(), StandardCharsets.UTF_8);
		return content.contains("\"keys\"") ? JWKSet.parse(content).getKeys().get(0).toRSAKey() : RSAKey.parse(content);
	}

	JWTClaimsSet.Builder claims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(this.pipeline.issuer())
			.audience(AUDIENCE)
			.subject("system-tests")
			.claim("azp", "system-tests")
			.claim("scope", ALL_SCOPES)
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.jwtID(UUID.randomUUID().toString());
	}

	String valid() {
		return sign(claims().build());
	}

	String with(UnaryOperator<JWTClaimsSet.Builder> change) {
		return sign(change.apply(claims()).build());
	}

	String sign(JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID())
				.type(JOSEObjectType.JWT)
				.build(), claims);
			jwt.sign(new RSASSASigner(this.key));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code alg: none}, a valid payload, no signature. */
	String algNone() {
		String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
		return header + "." + b64(claims().build().toString()) + ".";
	}

	/** HS256 keyed with the trusted RSA public key's bytes, real {@code kid}. */
	String hs256WithPublicKey() {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(this.key.getKeyID()).build(),
					claims().build());
			jwt.sign(new MACSigner(this.key.toRSAPublicKey().getEncoded()));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Signed by a key nobody published, under a {@code kid} nobody knows. */
	String unknownKid() {
		return signWithForeignKey(UUID.randomUUID().toString());
	}

	/** Signed by another key while naming the trusted key's {@code kid}. */
	String foreignKeyWithTrustedKid() {
		return signWithForeignKey(this.key.getKeyID());
	}

	private String signWithForeignKey(String kid) {
		try {
			RSAKey other = new RSAKeyGenerator(2048).keyID(kid).generate();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
					claims().build());
			jwt.sign(new RSASSASigner(other));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A real token of a read-only client whose payload was widened afterwards. */
	static String tampered(String realToken) {
		String[] parts = realToken.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String widened = payload.replaceFirst("\"scope\"\\s*:\\s*\"[^\"]*\"", "\"scope\":\"" + ALL_SCOPES + "\"");
		if (widened.equals(payload)) {
			throw new IllegalStateException("no scope claim to widen");
		}
		return parts[0] + "." + b64(widened) + "." + parts[2];
	}

	private static String b64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	static List<String> none() {
		return List.of();
	}

}
