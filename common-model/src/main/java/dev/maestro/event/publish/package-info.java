/**
 * {@code POST /publish/{channel}}: a client's event, checked and appended to the event log with
 * the caller as owner. Depends on {@code dev.maestro.event} and {@code error}.
 */
package dev.maestro.event.publish;
