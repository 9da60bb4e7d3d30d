package com.exampleco.timesheets.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller method declare a {@link Caller} parameter.
 */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	private final CallerResolver callerResolver;

	CallerArgumentResolver(CallerResolver callerResolver) {
		this.callerResolver = callerResolver;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Caller.class.equals(parameter.getParameterType());
	}

	@Override
	public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		return this.callerResolver.resolve(SecurityContextHolder.getContext().getAuthentication());
	}

}
