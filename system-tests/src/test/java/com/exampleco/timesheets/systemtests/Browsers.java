package com.exampleco.timesheets.systemtests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the OS packages ({@code chromium}, {@code chromium-driver}),
 * driven by Selenium like a person: one browser per person, each with its own cookies.
 * Both paths are named so Selenium Manager never tries to download a browser (it cannot
 * here). {@link #missing()} says why the browser tests cannot run where the packages are
 * absent ({@code .ci/run} installs them when it may).
 */
final class Browsers implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getProperty("systemtests.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("systemtests.chromedriver", "/usr/bin/chromedriver"));

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	private final List<WebDriver> open = new ArrayList<>();

	/**
	 * Why no browser can be started, or null when both executables are there.
	 * @return the reason, or null
	 */
	static String missing() {
		for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
			if (!Files.isExecutable(executable)) {
				return executable + " is missing: install the OS packages chromium and chromium-driver"
						+ " (.ci/run does so when it runs as root with apt)";
			}
		}
		return null;
	}

	/**
	 * A new browser with no cookies, closed with this object.
	 * @return the driver
	 */
	WebDriver open() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
				"--disable-gpu", "--no-first-run", "--disable-extensions");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		this.open.add(driver);
		return driver;
	}

	/** Waits up to a minute for what a person would wait for. */
	static WebDriverWait await(WebDriver driver) {
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
		wait.pollingEvery(Duration.ofMillis(250));
		return wait;
	}

	/** Waits until the page's first heading says this. */
	static void awaitHeading(WebDriver driver, String heading) {
		await(driver)
			.withMessage(() -> "heading \"" + heading + "\" at " + driver.getCurrentUrl() + ":\n"
					+ driver.findElement(By.tagName("body")).getText())
			.until(ExpectedConditions.textToBe(By.tagName("h1"), heading));
	}

	/** Signs a person in on the auth server's login form (the browser is on it). */
	static void signIn(WebDriver driver, String username, String password) {
		await(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("button[type=submit]")).click();
	}

	/**
	 * Sets a field's value as typed (date inputs take their value in ISO form this way).
	 */
	static void setValue(WebDriver driver, WebElement field, String value) {
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", field, value);
	}

	/** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
	static void screenshot(WebDriver driver, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
			Files.write(SCREENSHOTS.resolve(name + ".png"), png);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		for (WebDriver driver : this.open) {
			try {
				driver.quit();
			}
			catch (RuntimeException ex) {
				// already gone
			}
		}
		this.open.clear();
	}

}
