package com.exampleco.timesheets.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class FreePortsTests {

	@Test
	void drawsDistinctBindablePortsBelowTheEphemeralRange() throws IOException {
		int ephemeral = FreePorts.ephemeralRangeStart();
		assumeThat(ephemeral - FreePorts.LOWEST).as("a known ephemeral range above %d", FreePorts.LOWEST)
			.isGreaterThanOrEqualTo(1_000);
		Set<Integer> ports = new HashSet<>();
		for (int i = 0; i < 50; i++) {
			int port = FreePorts.next();
			assertThat(port).isBetween(FreePorts.LOWEST, ephemeral - 1);
			assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
			try (ServerSocket socket = new ServerSocket()) {
				socket.bind(new InetSocketAddress(port));
			}
		}
	}

}
