package com.exampleco.timesheets.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports for the pipeline's servers, never the same one twice in this JVM.
 * <p>
 * A port is chosen well before its server binds it (the ingest API starts after the
 * broker, the database and the auth server), and meanwhile every outgoing connection of
 * the test JVM and the services takes a port from the kernel's ephemeral range. A port
 * from that range (what {@code new ServerSocket(0)} hands out) can therefore be taken by
 * a client connection before its server starts ("Port … was already in use"). So ports
 * are drawn below the ephemeral range, where the kernel never assigns client ports, and
 * checked free on every interface; only where that range is unknown or too small does it
 * fall back to the kernel's choice.
 * <p>
 * The range is read from {@code /proc} through a stream read to the end:
 * {@code Files.readString} trusts the size {@code /proc} reports (0) and was seen to
 * return only the first byte.
 */
public final class FreePorts {

	/** Lowest port drawn: above the well-known and most registered service ports. */
	static final int LOWEST = 20_000;

	private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

	private static final Set<Integer> handedOut = new HashSet<>();

	private FreePorts() {
	}

	/**
	 * A free port not handed out before in this JVM.
	 * @return the port
	 * @throws IllegalStateException when none is found
	 */
	public static synchronized int next() {
		int highest = ephemeralRangeStart() - 1;
		if (highest - LOWEST >= 1_000) {
			for (int attempt = 0; attempt < 500; attempt++) {
				int port = ThreadLocalRandom.current().nextInt(LOWEST, highest + 1);
				if (!handedOut.contains(port) && isFree(port)) {
					handedOut.add(port);
					return port;
				}
			}
		}
		for (int attempt = 0; attempt < 50; attempt++) {
			try (ServerSocket socket = new ServerSocket(0)) {
				int port = socket.getLocalPort();
				if (handedOut.add(port)) {
					return port;
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("no free port", ex);
			}
		}
		throw new IllegalStateException("no free port after 50 attempts");
	}

	/**
	 * The first port of the kernel's ephemeral range, or 0 when it is unknown (not
	 * Linux).
	 */
	static int ephemeralRangeStart() {
		// a stream, read to the end (see the class comment)
		try (InputStream in = Files.newInputStream(EPHEMERAL_RANGE)) {
			String[] range = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
			return Integer.parseInt(range[0]);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(false);
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
