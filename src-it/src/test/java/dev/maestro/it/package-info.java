/**
 * The API's integration suite: {@code ApiIT} deploys api.war once to a managed Payara Micro and
 * runs every feature contract (one interface per feature) against it, over real HTTP, with a
 * real Redis, a MongoDB-wire server and GreenMail.
 */
package dev.maestro.it;
