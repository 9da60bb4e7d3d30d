package com.exampleco.timesheets.testsupport.tokens;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * How a {@link TokenBuilder} turns its claims into a compact token: signed as the issuer
 * signs, or forged as an attacker or a misconfigured client would. Only the way of
 * signing differs between the constants; the claims are the builder's.
 */
enum TokenSigning {

	/**
	 * RS256 with the issuer's current key: the token a correct resource server accepts.
	 */
	GENUINE {
		@Override
		String serialize(TestTokenIssuer issuer, Map<String, Object> claims) throws JOSEException {
			return rs256(issuer.signingKey(), claims);
		}
	},

	/** An unsecured JWT ({@code "alg":"none"}, empty signature). */
	ALG_NONE {
		@Override
		String serialize(TestTokenIssuer issuer, Map<String, Object> claims) {
			return new PlainJWT(claimsSet(claims)).serialize();
		}
	},

	/**
	 * HS256 keyed with the X.509 encoding of the issuer's public key, under the real kid.
	 */
	HS256_WITH_PUBLIC_KEY {
		@Override
		String serialize(TestTokenIssuer issuer, Map<String, Object> claims) throws JOSEException {
			RSAKey key = issuer.signingKey();
			return sign(JWSAlgorithm.HS256, key.getKeyID(), new MACSigner(key.toRSAPublicKey().getEncoded()), claims);
		}
	},

	/** RS256 with a key the issuer never published. */
	UNKNOWN_KID {
		@Override
		String serialize(TestTokenIssuer issuer, Map<String, Object> claims) throws JOSEException {
			return rs256(TestTokenIssuer.generateKey("unknown-" + UUID.randomUUID()), claims);
		}
	},

	/** Genuinely signed, then the payload replaced by one with every timesheet scope. */
	TAMPERED_PAYLOAD {
		@Override
		String serialize(TestTokenIssuer issuer, Map<String, Object> claims) throws JOSEException {
			String[] parts = rs256(issuer.signingKey(), claims).split("\\.");
			Map<String, Object> widened = new LinkedHashMap<>(claims);
			widened.put("scope", "create:timesheets read:timesheets approve:timesheets delete:timesheets");
			return parts[0] + "." + Base64URL.encode(claimsSet(widened).toString()) + "." + parts[2];
		}
	};

	/**
	 * The compact form of a token with these claims.
	 * @param issuer the issuer whose key a genuine signature uses
	 * @param claims the claims; {@link Instant} values become NumericDate seconds
	 * @return the token, never null
	 * @throws JOSEException when signing fails
	 */
	abstract String serialize(TestTokenIssuer issuer, Map<String, Object> claims) throws JOSEException;

	private static String rs256(RSAKey key, Map<String, Object> claims) throws JOSEException {
		return sign(JWSAlgorithm.RS256, key.getKeyID(), new RSASSASigner(key), claims);
	}

	private static String sign(JWSAlgorithm algorithm, String keyId, JWSSigner signer, Map<String, Object> claims)
			throws JOSEException {
		JWSHeader header = new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(keyId).build();
		SignedJWT jwt = new SignedJWT(header, claimsSet(claims));
		jwt.sign(signer);
		return jwt.serialize();
	}

	private static JWTClaimsSet claimsSet(Map<String, Object> claims) {
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
		claims.forEach(
				(name, value) -> builder.claim(name, (value instanceof Instant instant) ? Date.from(instant) : value));
		return builder.build();
	}

}
