package com.exampleco.timesheets.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.exampleco.timesheets.systemtests.harness.Pipeline;
import com.exampleco.timesheets.systemtests.harness.WebPeople;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People in a real browser (headless Chromium driven by Selenium) on the web app, against
 * the real auth server, ingest API, processors and query API of the shared pipeline, as
 * people of their own ({@link WebPeople}: employee ids no other scenario uses): sign-in
 * at the issuer's login form, an entry from the form to SUBMITTED, a manager's approval
 * to APPROVED, refusals shown in plain words, field errors, an upload to complete, the
 * contractor portal's consent and read-only view, sign-out, and a cross-site POST
 * refused. Each test saves a screenshot of its main page under
 * {@code target/screenshots/}. Skipped, saying why, where Chromium is not installed.
 */
@Order(10)
@ExtendWith(SystemTestPipeline.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserSystemTests {

	/** A project code of this run: the lists of the people are found by it. */
	static final String PROJECT = "WEB-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

	private static Browsers browsers;

	/** Emma's entry of the first test, approved by her manager in the second. */
	private static String emmasTimesheet;

	private final Pipeline pipeline = SystemTestPipeline.get();

	@BeforeAll
	static void chromium() {
		String missing = Browsers.missing();
		Assumptions.assumeTrue(missing == null, missing);
		browsers = new Browsers();
	}

	@AfterAll
	static void closeBrowsers() {
		if (browsers != null) {
			browsers.close();
		}
	}

	@Test
	@Order(1)
	void employeeSignsInAddsAnEntryAndSeesItSubmitted() {
		WebDriver emma = signedIn(WebPeople.EMPLOYEE_IN_TEAM);
		emmasTimesheet = addEntry(emma, PROJECT, "2026-11-02", "7.5", "written in a real browser");
		// a second one stays pending: the Team approvals page then always has a form
		addEntry(emma, PROJECT, "2026-11-06", "4", "left pending for the team page");

		emma.get(this.pipeline.webUrl() + "/timesheets");
		Browsers.awaitHeading(emma, "My timesheets");
		assertThat(status(emma, emmasTimesheet)).isEqualTo("Submitted");
		Browsers.screenshot(emma, "my-timesheets");
	}

	@Test
	@Order(2)
	void managerSeesItPendingApprovesWithACommentAndTheEmployeeSeesItApproved() {
		WebDriver maria = signedIn(WebPeople.MANAGER);
		maria.get(this.pipeline.webUrl() + "/team");
		Browsers.awaitHeading(maria, "Team approvals");
		WebElement form = maria.findElement(decisionForm(emmasTimesheet));
		Browsers.screenshot(maria, "team-approvals");
		form.findElement(By.name("comment")).sendKeys("Looks right, thanks");
		form.findElement(By.cssSelector("button[value=APPROVED]")).click();
		Browsers.awaitHeading(maria, "Done");

		WebDriver emma = signedIn(WebPeople.EMPLOYEE_IN_TEAM);
		emma.get(this.pipeline.webUrl() + "/timesheets");
		Browsers.awaitHeading(emma, "My timesheets");
		assertThat(status(emma, emmasTimesheet)).isEqualTo("Approved");
	}

	@Test
	@Order(3)
	void managerCannotApproveTheirOwnEntryAndIsToldWhy() {
		WebDriver maria = signedIn(WebPeople.MANAGER);
		String own = addEntry(maria, PROJECT, "2026-11-03", "8", "the manager's own day");
		approveAnyway(maria, own);
		assertThat(maria.findElement(By.cssSelector(".refusals")).getText()).contains("your own timesheet");
		Browsers.screenshot(maria, "refused-own-approval");
	}

	@Test
	@Order(4)
	void managerCannotApproveAnEntryOutsideTheTeamAndIsToldWhy() {
		WebDriver olga = signedIn(WebPeople.EMPLOYEE_OUTSIDE_TEAM);
		String olgas = addEntry(olga, PROJECT, "2026-11-04", "6", "not in Maria's team");
		WebDriver maria = signedIn(WebPeople.MANAGER);
		approveAnyway(maria, olgas);
		assertThat(maria.findElement(By.cssSelector(".refusals")).getText()).contains("outside your team");
		Browsers.screenshot(maria, "refused-outside-team");

		olga.get(this.pipeline.webUrl() + "/timesheets");
		Browsers.awaitHeading(olga, "My timesheets");
		assertThat(status(olga, olgas)).isEqualTo("Submitted");
	}

	@Test
	@Order(5)
	void aFormWithErrorsShowsEachErrorByItsField() {
		WebDriver eric = signedIn(WebPeople.OTHER_EMPLOYEE_IN_TEAM);
		eric.get(this.pipeline.webUrl() + "/timesheets/new");
		Browsers.awaitHeading(eric, "New entry");
		eric.findElement(By.id("projectCode")).sendKeys("not a code!");
		Browsers.setValue(eric, eric.findElement(By.id("workDate")), "2026-11-04");
		eric.findElement(By.id("hours")).sendKeys("25");
		eric.findElement(By.cssSelector("main button[type=submit]")).click();

		Browsers.awaitHeading(eric, "New entry");
		for (String field : List.of("projectCode", "hours")) {
			WebElement input = eric.findElement(By.id(field));
			assertThat(input.getDomAttribute("aria-invalid")).isEqualTo("true");
			assertThat(input.getDomAttribute("aria-describedby")).isEqualTo(field + "-error");
			assertThat(eric.findElement(By.id(field + "-error")).getText()).isNotBlank();
		}
		assertThat(eric.findElement(By.id("workDate")).getDomAttribute("aria-invalid")).isEqualTo("false");
		Browsers.screenshot(eric, "new-entry-errors");
	}

	@Test
	@Order(6)
	void anUploadedFileGoesToComplete() throws Exception {
		Path file = Files.createDirectories(Path.of("target/browser")).resolve("eric-" + PROJECT + ".csv");
		Files.writeString(file, """
				external_id,employee_id,project_code,work_date,hours,note
				%1$s-U1,%2$s,%1$s,2026-11-05,4,uploaded in a real browser
				%1$s-U2,%2$s,%1$s,2026-11-06,6,
				""".formatted(PROJECT, WebPeople.OTHER_EMPLOYEE_IN_TEAM.employeeId()));
		WebDriver eric = signedIn(WebPeople.OTHER_EMPLOYEE_IN_TEAM);
		eric.get(this.pipeline.webUrl() + "/upload");
		Browsers.awaitHeading(eric, "Upload a file");
		eric.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		eric.findElement(By.cssSelector("main button[type=submit]")).click();
		Browsers.awaitHeading(eric, "Done");
		assertThat(eric.findElement(By.id("outcome-counts")).getText()).contains("Applied: 2");
		Browsers.screenshot(eric, "upload-complete");
	}

	@Test
	@Order(7)
	void theContractorPortalAsksForConsentAndShowsOnlyTheContractorsOwnTimesheets() {
		WebDriver webApp = signedIn(WebPeople.CONTRACTOR);
		String carlas = addEntry(webApp, PROJECT, "2026-11-09", "5", "a contractor's day");

		WebDriver portal = browsers.open();
		portal.get(this.pipeline.webUrl() + "/contractor/");
		Browsers.awaitHeading(portal, "Contractor portal");
		portal.findElement(By.linkText("Sign in with ExampleCo")).click();
		Browsers.signIn(portal, WebPeople.CONTRACTOR.login(), WebPeople.CONTRACTOR.password());
		// the third-party app's consent screen at the issuer
		Browsers.await(portal).until((driver) -> driver.findElements(By.id("submit-consent")).size() == 1);
		assertThat(portal.findElement(By.tagName("body")).getText()).contains("read:timesheets");
		Browsers.screenshot(portal, "contractor-consent");
		portal.findElement(By.cssSelector("input[name=scope][value='read:timesheets']")).click();
		portal.findElement(By.id("submit-consent")).click();

		Browsers.awaitHeading(portal, "Your timesheets");
		assertThat(portal.findElements(By.cssSelector("tr[data-timesheet='" + carlas + "']"))).hasSize(1);
		assertThat(portal.findElements(By.cssSelector("tr[data-timesheet='" + emmasTimesheet + "']"))).isEmpty();
		assertThat(portal.findElement(By.id("granted-scopes")).getText()).contains("read:timesheets")
			.doesNotContain("create:timesheets");
		Browsers.screenshot(portal, "contractor-portal");
	}

	@Test
	@Order(8)
	void signingOutEndsTheSessionAndTheBackButtonShowsTheSignInPage() {
		WebDriver olga = signedIn(WebPeople.EMPLOYEE_OUTSIDE_TEAM);
		olga.get(this.pipeline.webUrl() + "/timesheets");
		Browsers.awaitHeading(olga, "My timesheets");
		olga.findElement(By.cssSelector("form.signout button[type=submit]")).click();
		Browsers.awaitHeading(olga, "ExampleCo timesheets");

		olga.navigate().back();
		Browsers.screenshot(olga, "back-after-sign-out");
		Browsers.await(olga)
			.until((driver) -> !driver.findElements(By.id("username")).isEmpty()
					|| !driver.findElements(By.linkText("Sign in")).isEmpty());
		assertThat(olga.findElements(By.cssSelector("tr[data-timesheet]"))).isEmpty();
	}

	@Test
	@Order(9)
	void aCrossSitePostWithoutCsrfTokenIsRefused() {
		WebDriver emma = signedIn(WebPeople.EMPLOYEE_IN_TEAM);
		emma.get(this.pipeline.webUrl() + "/timesheets");
		Browsers.awaitHeading(emma, "My timesheets");
		int before = emma.findElements(By.cssSelector("tr[data-timesheet]")).size();
		// another site's page posting to the web app with the person's cookies, no token
		String page = "<form id='f' method='post' action='" + this.pipeline.webUrl() + "/timesheets/new'>"
				+ "<input name='projectCode' value='" + PROJECT + "'><input name='workDate' value='2026-11-10'>"
				+ "<input name='hours' value='8'><input name='externalId' value='forged-" + PROJECT + "'></form>"
				+ "<script>document.getElementById('f').submit()</script>";
		emma.get("data:text/html;charset=utf-8," + page);
		Browsers.await(emma).until((driver) -> driver.getCurrentUrl().startsWith(this.pipeline.webUrl()));
		assertThat(emma.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");

		emma.get(this.pipeline.webUrl() + "/timesheets");
		Browsers.awaitHeading(emma, "My timesheets");
		assertThat(emma.findElements(By.cssSelector("tr[data-timesheet]"))).hasSize(before);
	}

	/**
	 * Posts a decision on a timesheet the Team approvals page offers no button for: the
	 * page's first decision form re-pointed at it, CSRF token and all, as a person
	 * editing the page would. Waits for the progress page's verdict.
	 */
	private void approveAnyway(WebDriver manager, String timesheetId) {
		manager.get(this.pipeline.webUrl() + "/team");
		Browsers.awaitHeading(manager, "Team approvals");
		WebElement anyForm = manager.findElement(By.cssSelector("form[action*='/decision']"));
		((org.openqa.selenium.JavascriptExecutor) manager).executeScript(
				"arguments[0].action = arguments[0].action.replace(/team\\/[^/]+\\/decision/, 'team/' + arguments[1] + '/decision');",
				anyForm, timesheetId);
		anyForm.findElement(By.cssSelector("button[value=APPROVED]")).click();
		Browsers.awaitHeading(manager, "Not everything was applied");
	}

	/** A new browser, signed in to the web app as this person. */
	private WebDriver signedIn(WebPeople person) {
		WebDriver driver = browsers.open();
		driver.get(this.pipeline.webUrl() + "/");
		Browsers.awaitHeading(driver, "ExampleCo timesheets");
		driver.findElement(By.linkText("Sign in")).click();
		Browsers.signIn(driver, person.login(), person.password());
		Browsers.await(driver)
			.until((d) -> d.getCurrentUrl().startsWith(this.pipeline.webUrl())
					&& !d.findElements(By.cssSelector("form.signout")).isEmpty());
		return driver;
	}

	/**
	 * Adds an entry through the New entry form, waits until it is applied, returns its
	 * id.
	 */
	private String addEntry(WebDriver driver, String project, String workDate, String hours, String note) {
		driver.get(this.pipeline.webUrl() + "/timesheets/new");
		Browsers.awaitHeading(driver, "New entry");
		driver.findElement(By.id("projectCode")).sendKeys(project);
		Browsers.setValue(driver, driver.findElement(By.id("workDate")), workDate);
		driver.findElement(By.id("hours")).sendKeys(hours);
		driver.findElement(By.id("note")).sendKeys(note);
		driver.findElement(By.cssSelector("main button[type=submit]")).click();
		Browsers.awaitHeading(driver, "Done");
		driver.get(this.pipeline.webUrl() + "/timesheets?from=" + workDate + "&to=" + workDate);
		Browsers.awaitHeading(driver, "My timesheets");
		return driver.findElements(By.cssSelector("tr[data-timesheet]"))
			.stream()
			.filter((row) -> row.getText().contains(project) && row.getText().contains(note))
			.map((row) -> row.getDomAttribute("data-timesheet"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row of " + project + " on " + workDate + ":\n"
					+ driver.findElement(By.tagName("body")).getText()));
	}

	private static By decisionForm(String timesheetId) {
		return By.cssSelector("form[action$='/team/" + timesheetId + "/decision']");
	}

	private static String status(WebDriver driver, String timesheetId) {
		return driver.findElement(By.cssSelector("tr[data-timesheet='" + timesheetId + "'] .badge")).getText();
	}

}
