package dev.maestro.mail;

import jakarta.mail.MessagingException;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the user flows post their mail. Delivery runs on the given executor: an answer then
 * takes the same time and says the same thing whether or not a mail went out (no account
 * enumeration through timing or SMTP errors), and a slow or failing mail server never turns a
 * request into a 500. A failed delivery is logged; the flows' tokens can simply be asked for
 * again.
 */
public final class Outbox {
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private final Optional<Mailer> mailer;
    private final Executor executor;

    /** {@code mailer} is empty when no SMTP server is configured. */
    public Outbox(Optional<Mailer> mailer, Executor executor) {
        this.mailer = mailer;
        this.executor = executor;
    }

    /** For flows that are pointless without mail: 503 when none can be sent. */
    public void requireConfigured() {
        if (mailer.isEmpty()) {
            throw new MailNotConfiguredException();
        }
    }

    /**
     * Queues a mail for delivery and says whether it was; without an SMTP server it is dropped
     * with a log line.
     */
    public boolean post(Mail mail) {
        if (mailer.isEmpty()) {
            LOG.info(() -> "E-mail is not configured: not sending \"" + mail.subject() + "\"");
            return false;
        }
        try {
            executor.execute(() -> deliver(mailer.get(), mail));
            return true;
        } catch (RejectedExecutionException e) {
            LOG.warning(() -> "Mail \"" + mail.subject() + "\" to " + mail.to() + " was not queued: " + e.getMessage());
            return false;
        }
    }

    private static void deliver(Mailer mailer, Mail mail) {
        try {
            mailer.send(mail);
            LOG.fine(() -> "Sent \"" + mail.subject() + "\" to " + mail.to());
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Mail \"" + mail.subject() + "\" to " + mail.to() + " was not delivered: " + e.getMessage());
        }
    }
}
