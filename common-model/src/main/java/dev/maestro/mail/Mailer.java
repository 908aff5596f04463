package dev.maestro.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Sends UTF-8 mail (plain text, or text and HTML) over SMTP with Jakarta Mail, synchronously. */
public final class Mailer {
    private final MailSettings settings;
    private final Session session;

    public Mailer(MailSettings settings) {
        this.settings = settings;
        Authenticator login = new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.sender(), settings.password().orElse(""));
            }
        };
        this.session = Session.getInstance(settings.sessionProperties(), settings.authenticates() ? login : null);
    }

    public void send(Mail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.sender()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.text(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        Transport.send(message);
    }

    /**
     * Sends one message with the same content as plain text and as HTML
     * ({@code multipart/alternative}: mail readers show the HTML, others the text).
     *
     * @param to comma-separated addresses
     */
    public void sendAlternative(String to, String subject, String text, String html) throws MessagingException {
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, StandardCharsets.UTF_8.name());
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, StandardCharsets.UTF_8.name(), "html");
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.sender()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setContent(new MimeMultipart("alternative", plain, rich));
        message.setSentDate(new Date());
        Transport.send(message);
    }
}
