package dev.maestro.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.maestro.mail.MailSettings;
import dev.maestro.mail.Mailer;
import dev.maestro.mail.Outbox;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A real SMTP server (GreenMail) on a free loopback port for common-model tests, and an outbox
 * that delivers to it at once (on the posting thread), so tests read mail without waiting.
 */
public final class MailCatcher implements AutoCloseable {
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
        return Arrays.stream(server.getReceivedMessages()).filter(m -> Mails.isTo(m, address)).toList();
    }

    @Override
    public void close() {
        server.stop();
    }
}
