package com.exampleco.timesheets.testsupport.tokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class TestTokenIssuerTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@RegisterExtension
	static TestTokenIssuer issuer = TestTokenIssuer.start();

	@Test
	void servesDiscoveryThatNamesItselfAndItsJwks() throws Exception {
		Map<String, Object> discovery = JSONObjectUtils
			.parse(get(URI.create(issuer.issuer() + "/.well-known/openid-configuration")));

		assertThat(discovery).containsEntry("issuer", issuer.issuer().toString())
			.containsEntry("jwks_uri", issuer.jwkSetUri().toString());
		assertThat(issuer.issuer().getHost()).isEqualTo("127.0.0.1");
	}

	@Test
	void publishesOnlyThePublicKey() throws Exception {
		JWKSet jwks = JWKSet.parse(get(issuer.jwkSetUri()));

		assertThat(jwks.getKeyByKeyId(issuer.keyId())).isInstanceOf(RSAKey.class);
		assertThat(jwks.getKeyByKeyId(issuer.keyId()).isPrivate()).isFalse();
	}

	@Test
	void signsDefaultTokensVerifiableWithThePublishedKey() throws Exception {
		SignedJWT jwt = SignedJWT.parse(issuer.token().scopes("create:timesheets", "read:timesheets").sign());

		assertThat(verifies(jwt)).isTrue();
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(jwt.getHeader().getKeyID()).isEqualTo(issuer.keyId());
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(issuer.issuer().toString());
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(TestTokenIssuer.DEFAULT_AUDIENCE);
		assertThat(jwt.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("create:timesheets read:timesheets");
		assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isInTheFuture();
	}

	@Test
	void hostileVariantsDoNotVerify() throws Exception {
		assertThat(JWTParser.parse(issuer.token().algNone().sign())).isInstanceOf(PlainJWT.class);
		SignedJWT hs256 = SignedJWT.parse(issuer.token().hs256WithPublicKey().sign());
		assertThat(hs256.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
		assertThat(hs256.getHeader().getKeyID()).isEqualTo(issuer.keyId());
		assertThat(SignedJWT.parse(issuer.token().unknownKid().sign()).getHeader().getKeyID())
			.isNotEqualTo(issuer.keyId());
		SignedJWT tampered = SignedJWT.parse(issuer.token().scopes("read:timesheets").tamperedPayload().sign());
		assertThat(tampered.getJWTClaimsSet().getStringClaim("scope")).contains("delete:timesheets");
		assertThat(verifies(tampered)).isFalse();
		assertThat(SignedJWT.parse(issuer.token().wrongIssuer().sign()).getJWTClaimsSet().getIssuer())
			.isNotEqualTo(issuer.issuer().toString());
	}

	@Test
	void rotationKeepsOldKeysPublished() throws Exception {
		try (TestTokenIssuer rotating = TestTokenIssuer.start()) {
			String first = rotating.keyId();
			String second = rotating.rotateKey();

			JWKSet jwks = JWKSet.parse(get(rotating.jwkSetUri()));
			assertThat(jwks.getKeys()).extracting("keyID").containsExactly(second, first);
			assertThat(SignedJWT.parse(rotating.token().sign()).getHeader().getKeyID()).isEqualTo(second);
			assertThat(rotating.jwkSetRequests()).isEqualTo(1);
		}
	}

	private static boolean verifies(SignedJWT jwt)
			throws IOException, InterruptedException, ParseException, JOSEException {
		RSAKey key = (RSAKey) JWKSet.parse(get(issuer.jwkSetUri())).getKeyByKeyId(issuer.keyId());
		return jwt.verify(new RSASSAVerifier(key));
	}

	private static String get(URI uri) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
