package com.exampleco.timesheets.webapp.error;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.exampleco.timesheets.webapp.api.ApiRefusal;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns what went wrong into a page in plain words ({@code refused}, or
 * {@code unavailable} when an API is down), with the right status and without any
 * internal detail: the problem's fixed texts at most, never a stack trace or an exception
 * message.
 */
@ControllerAdvice
class RefusalAdvice {

	private static final Logger log = LoggerFactory.getLogger(RefusalAdvice.class);

	private static final Pattern SCOPE = Pattern.compile("scope=\"([^\"]*)\"");

	@ExceptionHandler(ApiRefusal.class)
	ModelAndView refused(ApiRefusal ex) {
		int status = ex.status();
		if (status >= 500 || status == 429) {
			log.warn("{}", ex.getMessage());
			ModelAndView page = page("unavailable", HttpStatus.SERVICE_UNAVAILABLE,
					"The timesheet service is busy or " + "not reachable right now. Try again in a moment.");
			page.addObject("detail", ex.problem().detail());
			return page;
		}
		String explanation = switch (status) {
			case 401 -> "The timesheet service no longer accepts your sign-in (it expired, or your account "
					+ "changed). Sign out and sign in again.";
			case 403 -> "You are not allowed to do this. It needs the permission \"" + scope(ex.headers())
					+ "\", which was not granted to you.";
			case 404 -> "This timesheet was not found, or it is not yours to see.";
			case 413 -> "This is too large for the timesheet service. Split it into smaller parts.";
			default -> {
				if (ex.problem().is("idempotency-key-reused")) {
					yield "This form was already sent once with other values, so it was not sent again. "
							+ "Start a new one.";
				}
				yield "The timesheet service refused this request."
						+ ((ex.problem().detail() != null) ? " " + ex.problem().detail() : "");
			}
		};
		return page("refused", HttpStatus.valueOf((status == 401) ? 403 : status), explanation);
	}

	@ExceptionHandler(ResourceAccessException.class)
	ModelAndView unreachable(ResourceAccessException ex) {
		log.warn("an API is not reachable: {}", ex.getClass().getSimpleName());
		return page("unavailable", HttpStatus.SERVICE_UNAVAILABLE,
				"The timesheet service is not reachable right now. Nothing was changed. Try again in a moment.");
	}

	@ExceptionHandler(OAuth2AuthorizationException.class)
	ModelAndView signInAgain(HttpServletRequest request) {
		// the refresh token was refused (expired, revoked): the stored token is gone, so
		// a
		// new sign-in at the issuer gets fresh ones
		boolean portal = request.getRequestURI().startsWith(request.getContextPath() + "/contractor/");
		return new ModelAndView((portal) ? "redirect:/contractor/oauth2/authorization/contractor-portal"
				: "redirect:/oauth2/authorization/timesheets");
	}

	@ExceptionHandler({ IllegalArgumentException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class })
	ModelAndView badRequest() {
		return page("refused", HttpStatus.BAD_REQUEST,
				"This link or form is not valid. Go back to the list and try again from there.");
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge() {
		return page("refused", HttpStatus.PAYLOAD_TOO_LARGE,
				"The file is too large. Split it into smaller files and upload them one by one.");
	}

	private static ModelAndView page(String view, HttpStatus status, String explanation) {
		ModelAndView page = new ModelAndView(view, status);
		page.addObject("explanation", explanation);
		page.addObject("statusCode", status.value());
		return page;
	}

	private static String scope(HttpHeaders headers) {
		String challenge = headers.getFirst(HttpHeaders.WWW_AUTHENTICATE);
		Matcher matcher = SCOPE.matcher((challenge != null) ? challenge : "");
		return matcher.find() ? matcher.group(1) : "unknown";
	}

}
