package com.exampleco.timesheets.authserver;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.exampleco.timesheets.authserver.AuthServerProperties.User;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The people who sign in with the login form ({@code timesheets.auth.users}), by login
 * name. Passwords are checked by Spring Security's delegating password encoder; the
 * configuration refuses {@code {noop}} and plain values for people.
 */
final class People implements UserDetailsService {

	/** Scopes of OpenID Connect itself, which every person may grant an app. */
	static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "email");

	private final Map<String, User> byUsername;

	People(AuthServerProperties properties) {
		this.byUsername = properties.users()
			.values()
			.stream()
			.collect(Collectors.toUnmodifiableMap(User::username, Function.identity()));
	}

	/**
	 * The person signed in under this name.
	 * @param username the login name (a token's {@code sub})
	 * @return the person, empty when nobody of that name is configured (any more)
	 */
	Optional<User> find(String username) {
		return Optional.ofNullable(this.byUsername.get(username));
	}

	/**
	 * What an app may get on this person's behalf: the scopes it asked for that are OIDC
	 * scopes or API scopes the person holds. Nobody of that name: OIDC scopes only.
	 * @param username the login name
	 * @param requested the scopes the app asked for
	 * @return the narrowed scopes
	 */
	Set<String> narrow(String username, Set<String> requested) {
		Set<String> permissions = find(username).map(User::permissions).orElse(Set.of());
		return requested.stream()
			.filter((scope) -> OIDC_SCOPES.contains(scope) || permissions.contains(scope))
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		User user = this.byUsername.get(username);
		if (user == null) {
			throw new UsernameNotFoundException("no such user");
		}
		return org.springframework.security.core.userdetails.User.withUsername(user.username())
			.password(user.password())
			.roles(user.team().isEmpty() ? "EMPLOYEE" : "MANAGER")
			.build();
	}

}
