/**
 * Documentation-only classes describing node request and response bodies in the OpenAPI
 * document; the resources read and write JSON with common-model's readers and mappers.
 */
package dev.maestro.api.node.schema;
