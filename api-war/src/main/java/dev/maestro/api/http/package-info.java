/**
 * HTTP plumbing shared by all resources: API-version prefixes, the body size limit, query
 * parameters and the JSON response helper. No feature logic lives here.
 */
package dev.maestro.api.http;
