/**
 * Small file-system chores that the server, the pipeline, the launcher and the tests all do:
 * deleting a directory tree, emptying a working directory. Depends on nothing else in the project.
 */
package dev.maestro.files;
