/**
 * Users and user groups: the model, their MongoDB collections ({@code user}, {@code usergroup})
 * and the rules of login, registration, account management, the first admin, and the mailed
 * flows (e-mail verification, password reset). Used by the API only. Depends on {@code error},
 * {@code json}, {@code mail}, {@code security} and {@code store}.
 */
package dev.maestro.user;
