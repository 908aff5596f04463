/**
 * The adapter's read access to MongoDB's event history, the source of truth of every event, and
 * its own record of each consumer group's progress there ({@code step_checkpoints}), so that a
 * group re-created on an emptied Redis resumes where it was instead of from "now".
 *
 * <p>Dependency direction: the adapter reads the collections that common-model's {@code EventLog}
 * writes ({@code eventhistory}: {@code channel}, {@code sequence_id}, {@code envelope};
 * {@code eventcounters}: {@code _id} = channel, {@code seq}; {@code event_outbox}; the stream
 * repair's {@code stream_audit}: {@code _id} = {@code checked/<channel>}, {@code through}) with the plain MongoDB driver, and
 * does not depend on common-model: the applications bundle common-model, and a second copy in
 * the RAR would be visible to them through the connector class loader. The collection and field
 * names are the contract between the two; the adapter never writes the event history.
 */
package dev.maestro.pipeline.ra.history;
