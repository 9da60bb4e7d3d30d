package com.exampleco.timesheets.processor.ledger;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * {@code processor_offsets}: per consumer group and partition, the offset of the next
 * record to apply, written in the transaction that applied the records before it. The
 * same SQL on PostgreSQL and H2.
 */
final class StoredOffsets {

	private static final String SELECT = "SELECT kafka_partition, next_offset FROM processor_offsets"
			+ " WHERE group_id = ? AND kafka_topic = ? AND kafka_partition = ANY (?) ORDER BY kafka_partition";

	private static final String UPDATE = "UPDATE processor_offsets SET next_offset = ?, updated_at = ?"
			+ " WHERE group_id = ? AND kafka_topic = ? AND kafka_partition = ?";

	private static final String INSERT = "INSERT INTO processor_offsets"
			+ " (next_offset, updated_at, group_id, kafka_topic, kafka_partition) VALUES (?, ?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	StoredOffsets(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The stored offsets of a topic's partitions.
	 * @param groupId the consumer group
	 * @param topic the topic
	 * @param partitions the partitions
	 * @param lock whether to lock the rows until the transaction ends
	 * ({@code FOR UPDATE}), so that a consumer that lost the partition (a zombie after a
	 * rebalance) and the one that got it apply its records one after the other, the
	 * second seeing the first's offset
	 * @return the next offset by partition, for the partitions that have one
	 */
	Map<Integer, Long> read(String groupId, String topic, Collection<Integer> partitions, boolean lock) {
		Map<Integer, Long> offsets = new HashMap<>();
		if (partitions.isEmpty()) {
			return offsets;
		}
		// ascending partitions: two consumers lock in the same order, no deadlock
		Integer[] sorted = new TreeSet<>(partitions).toArray(Integer[]::new);
		this.jdbc.query((connection) -> {
			PreparedStatement ps = connection.prepareStatement(SELECT + (lock ? " FOR UPDATE" : ""));
			ps.setString(1, groupId);
			ps.setString(2, topic);
			ps.setArray(3, connection.createArrayOf("integer", sorted));
			return ps;
		}, (RowCallbackHandler) (rs) -> offsets.put(rs.getInt(1), rs.getLong(2)));
		return offsets;
	}

	/**
	 * Stores how far a poll read, never moving an offset back.
	 * @param groupId the consumer group
	 * @param positions where the poll ended, by partition
	 * @param stored the offsets read (and locked) at the start of the transaction, by
	 * topic and partition
	 * @param now the write time
	 */
	void write(String groupId, Collection<ReadPosition> positions, Map<String, Map<Integer, Long>> stored,
			Instant now) {
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> inserts = new ArrayList<>();
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		for (ReadPosition position : positions) {
			Long before = stored.getOrDefault(position.topic(), Map.of()).get(position.partition());
			if (before != null && before >= position.nextOffset()) {
				continue;
			}
			Object[] row = { position.nextOffset(), at, groupId, position.topic(), position.partition() };
			((before != null) ? updates : inserts).add(row);
		}
		if (!updates.isEmpty()) {
			this.jdbc.batchUpdate(UPDATE, updates);
		}
		if (!inserts.isEmpty()) {
			this.jdbc.batchUpdate(INSERT, inserts);
		}
	}

}
