package dev.maestro.mail;

import dev.maestro.error.MaestroException;

/**
 * A flow that exists only to send a mail was asked for while no SMTP server is configured: 503,
 * the same for every address, so it says nothing about who has an account.
 */
public class MailNotConfiguredException extends MaestroException {
    public MailNotConfiguredException() {
        super(503, "E-mail is not configured on this server (SMTP_HOST and EMAIL_SENDER)");
    }
}
