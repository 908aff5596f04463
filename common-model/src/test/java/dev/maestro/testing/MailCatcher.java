package dev.maestro.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.maestro.mail.MailSettings;
import dev.maestro.mail.Mailer;
import dev.maestro.mail.Outbox;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) on a free loopback port for common-model tests, and an outbox
 * that delivers to it at once (on the posting thread), so tests read mail without waiting.
 */
public final class MailCatcher implements AutoCloseable {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    public static final String SENDER = "maestro@localhost";

    private final GreenMail server;

    public MailCatcher() {
        server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
    }

    public GreenMail server() {
        return server;
    }

    public MailSettings settings(Optional<String> password) {
        return new MailSettings("127.0.0.1", server.getSmtp().getPort(), SENDER, password);
    }

    public Outbox outbox() {
        return new Outbox(Optional.of(new Mailer(settings(Optional.empty()))), Runnable::run);
    }

    /** Every message received so far for this address. */
    public List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> isTo(m, address)).toList();
    }

    /** The token (a JWT) in a flow's mail. */
    public static String tokenIn(MimeMessage message) {
        try {
            Matcher m = TOKEN.matcher((String) message.getContent());
            if (!m.find()) {
                throw new AssertionError("no token in the mail");
            }
            return m.group();
        } catch (MessagingException | IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean isTo(MimeMessage m, String address) {
        try {
            Address[] to = m.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
