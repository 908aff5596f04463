/**
 * The node's OpenAPI schemas: {@link dev.maestro.api.node.schema.NodeProperties} derives the
 * properties of {@code Node} and {@code NodePatch} from common-model's {@code NodeField} table
 * (types, required and nullable fields, enum values) and adds the words (descriptions, examples,
 * defaults); {@code api.openapi.NodeSchemas} puts them into the document.
 * {@link dev.maestro.api.node.schema.KcidbFlagUpdateSchema} is a documentation-only class for
 * the batch update's body. The resources read and write JSON with common-model's readers and
 * mappers.
 */
package dev.maestro.api.node.schema;
