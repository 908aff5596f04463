/**
 * Artifact storage over HTTP under {@code /pipeline/storage/}: stored files served read-only
 * with directory indexes, and KernelCI's upload contract at {@code /pipeline/storage/upload}.
 * A plain servlet, since the container's multipart support streams uploads to disk; the rules
 * (paths, token, naming) live in the steps' {@code storage} package, the backend comes from
 * {@code settings}.
 */
package dev.maestro.pipeline.web.storage;
