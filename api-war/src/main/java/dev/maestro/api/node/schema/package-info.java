/**
 * Documentation-only classes describing node request and response bodies in the OpenAPI
 * document; the resources read and write JSON with common-model's readers and mappers. The node
 * and patch schemas list the fields of common-model's {@code NodeField} table with its types and
 * nullability (a unit test holds them to it); these classes add the descriptions and examples.
 */
package dev.maestro.api.node.schema;
