package com.exampleco.timesheets.webapp.person;

import com.exampleco.timesheets.webapp.config.WebAppProperties;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in {@link Person} into every page's model as {@code person} (null for
 * an anonymous request), so that templates and controllers read one thing.
 */
@ControllerAdvice
class PersonAdvice {

	private final WebAppProperties properties;

	PersonAdvice(WebAppProperties properties) {
		this.properties = properties;
	}

	@ModelAttribute(name = "person", binding = false)
	Person person(Authentication authentication) {
		if (authentication instanceof OAuth2AuthenticationToken token) {
			return Person.of(token, this.properties.employeeClaim(), this.properties.teamClaim());
		}
		return null;
	}

}
