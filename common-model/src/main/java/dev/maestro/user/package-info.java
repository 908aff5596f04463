/**
 * Users and user groups: the model, their MongoDB collections ({@code user}, {@code usergroup})
 * and the rules of login, registration and the first admin. Used by the API only.
 */
package dev.maestro.user;
