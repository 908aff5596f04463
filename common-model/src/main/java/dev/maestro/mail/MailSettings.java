package dev.maestro.mail;

import java.util.Optional;
import java.util.Properties;

/**
 * KernelCI's SMTP settings: {@code SMTP_HOST}, {@code SMTP_PORT} (465 means TLS from the first
 * byte, any other port upgrades with STARTTLS when the server offers it), {@code EMAIL_SENDER}
 * (the From address and the login) and {@code EMAIL_PASSWORD} (log in only when set).
 */
public record MailSettings(String host, int port, String sender, Optional<String> password) {
    static final int IMPLICIT_TLS_PORT = 465;
    /** Bounds every SMTP step, so a dead mail server cannot pin a delivery thread. */
    static final String TIMEOUT_MILLIS = "20000";

    public boolean authenticates() {
        return password.filter(p -> !p.isEmpty()).isPresent();
    }

    /** The Jakarta Mail session properties these settings mean. */
    public Properties sessionProperties() {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.from", sender);
        p.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        p.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
        p.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        if (port == IMPLICIT_TLS_PORT) {
            p.setProperty("mail.smtp.ssl.enable", "true");
        } else {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "false");
        }
        p.setProperty("mail.smtp.auth", Boolean.toString(authenticates()));
        return p;
    }
}
