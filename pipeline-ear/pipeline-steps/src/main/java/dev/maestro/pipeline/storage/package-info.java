/**
 * Artifact storage: the backend interface (put a file under a path, get its public URL, read
 * and list for serving), the local-directory backend, path rules that keep every file inside the
 * storage root, and the rules of the upload endpoint (token check, multipart field names) so that
 * the web module's servlet only moves bytes. Depends on {@code config}.
 */
package dev.maestro.pipeline.storage;
