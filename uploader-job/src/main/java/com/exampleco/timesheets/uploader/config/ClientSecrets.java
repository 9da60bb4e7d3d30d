package com.exampleco.timesheets.uploader.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import com.exampleco.timesheets.uploader.run.ConfigurationProblem;

/**
 * Where the client secret comes from: the {@code client-secret} property (typically the
 * environment) or the {@code client-secret-file}. Messages name the source, never the
 * value.
 */
final class ClientSecrets {

	private ClientSecrets() {
	}

	static String resolve(UploaderProperties.Auth auth) {
		boolean inline = auth.clientSecret() != null && !auth.clientSecret().isBlank();
		if (inline && auth.clientSecretFile() != null) {
			throw new ConfigurationProblem(
					"both a client secret and a client secret file are configured; set only one of them");
		}
		if (inline) {
			return auth.clientSecret().strip();
		}
		if (auth.clientSecretFile() == null) {
			throw new ConfigurationProblem("no client secret configured: set TIMESHEETS_UPLOADER_AUTH_CLIENT_SECRET "
					+ "or pass --client-secret-file FILE");
		}
		String secret;
		try {
			secret = Files.readString(auth.clientSecretFile(), StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new ConfigurationProblem("cannot read the client secret file " + auth.clientSecretFile() + " ("
					+ ex.getClass().getSimpleName() + ")");
		}
		if (secret.isEmpty()) {
			throw new ConfigurationProblem("the client secret file " + auth.clientSecretFile() + " is empty");
		}
		return secret;
	}

}
