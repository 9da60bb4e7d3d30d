package com.exampleco.timesheets.testsupport;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * A fixture shared by every test class of a test run: started by the {@code beforeAll} of
 * the first class that registers the extension, kept in the root
 * {@link ExtensionContext}'s store under its type, and closed by JUnit (it is
 * {@link AutoCloseable}) when the run ends. No static singleton, no JVM shutdown hook.
 * Register a subclass with {@code @RegisterExtension} on a static field.
 *
 * @param <T> the fixture
 */
public abstract class SharedFixtureExtension<T extends AutoCloseable> implements BeforeAllCallback {

	private static final Namespace NAMESPACE = Namespace.create(SharedFixtureExtension.class);

	private final Class<T> type;

	private final Supplier<T> launcher;

	private volatile T fixture;

	/**
	 * An extension for one kind of fixture.
	 * @param type the fixture's type, its key in the root store
	 * @param launcher starts the fixture; called at most once per test run
	 */
	protected SharedFixtureExtension(Class<T> type, Supplier<T> launcher) {
		this.type = type;
		this.launcher = launcher;
	}

	@Override
	public final void beforeAll(ExtensionContext context) {
		this.fixture = context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(this.type, (key) -> this.launcher.get(), this.type);
	}

	/**
	 * The fixture of this test run.
	 * @return the running fixture, never null
	 * @throws IllegalStateException before the test class's {@code beforeAll}
	 */
	protected final T fixture() {
		T current = this.fixture;
		if (current == null) {
			throw new IllegalStateException(getClass().getSimpleName()
					+ " is not started: register it with @RegisterExtension on a static field");
		}
		return current;
	}

}
