/**
 * Request bodies as nodes: reading a node, a PATCH, a hierarchy and a batch flag update from
 * parsed JSON, with FastAPI-style 422 errors for every shape or type problem.
 */
package dev.maestro.node.input;
