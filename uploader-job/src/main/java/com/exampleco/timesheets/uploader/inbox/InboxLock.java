package com.exampleco.timesheets.uploader.inbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.exampleco.timesheets.uploader.run.ConfigurationProblem;

/**
 * An exclusive lock on an inbox, so two overlapping runs (a slow night, a manual run
 * beside cron) never upload the same file twice at once. It is an OS file lock
 * ({@link FileChannel#tryLock()}) on {@code .uploader.lock} in the inbox: the OS releases
 * it when the process dies, so a crash never leaves a stale lock.
 */
public final class InboxLock implements AutoCloseable {

	/** The lock file's name inside the inbox. */
	public static final String FILE_NAME = ".uploader.lock";

	private final FileChannel channel;

	private final FileLock lock;

	private InboxLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Takes the lock without waiting.
	 * @param inbox the inbox
	 * @return the held lock; close it to release
	 * @throws ConfigurationProblem when another run holds it or it cannot be created
	 */
	public static InboxLock acquire(Path inbox) {
		Path file = inbox.resolve(FILE_NAME);
		FileChannel channel;
		try {
			channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw new ConfigurationProblem("cannot create the lock file " + file + " (" + ex.getClass().getSimpleName()
					+ "): is the inbox writable?");
		}
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new ConfigurationProblem("cannot lock " + file + " (" + ex.getClass().getSimpleName() + ")");
		}
		if (lock == null) {
			closeQuietly(channel);
			throw new ConfigurationProblem(
					"another uploader run holds the lock on " + inbox + " (" + FILE_NAME + "); nothing was done");
		}
		return new InboxLock(channel, lock);
	}

	@Override
	public void close() {
		try {
			this.lock.release();
		}
		catch (IOException ex) {
			// the channel close below releases it too
		}
		closeQuietly(this.channel);
	}

	private static void closeQuietly(FileChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// nothing left to do
		}
	}

}
