/**
 * MicroProfile Health checks of the API, served by the server at {@code /health/ready}: whether
 * MongoDB and Redis answer now. They use the API's configuration and connections
 * ({@code api.config}) and nothing else of the API.
 */
package dev.maestro.api.health;
