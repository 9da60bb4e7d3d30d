package com.exampleco.timesheets.uploader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for tests. */
final class TestPorts {

	private TestPorts() {
	}

	/** A port nothing listens on (it was free a moment ago). */
	static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
