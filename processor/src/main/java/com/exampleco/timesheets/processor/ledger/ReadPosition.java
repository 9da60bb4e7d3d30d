package com.exampleco.timesheets.processor.ledger;

/**
 * How far a poll read one partition: the offset after the last record it delivered
 * (dead-lettered records included). Stored in {@code processor_offsets} in the
 * transaction that applied the records before it.
 *
 * @param topic the topic
 * @param partition the partition
 * @param nextOffset the offset of the next record to read
 */
public record ReadPosition(String topic, int partition, long nextOffset) {
}
