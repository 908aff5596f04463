/**
 * Outgoing e-mail: SMTP settings from KernelCI's variables, a Jakarta Mail sender, and the
 * outbox that the user flows post to (delivery in the background, so that answers neither wait
 * for the mail server nor reveal who has an account). Depends on nothing else in the project
 * but the error hierarchy.
 */
package dev.maestro.mail;
