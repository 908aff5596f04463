package dev.maestro.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.testing.MailCatcher;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MailerTest {
    private static MailCatcher mail;

    @BeforeAll
    static void start() {
        mail = new MailCatcher();
        mail.server().setUser(MailCatcher.SENDER, MailCatcher.SENDER, "right-password");
    }

    @AfterAll
    static void stop() {
        mail.close();
    }

    @Test
    void sendsPlainTextUtf8FromTheSender() throws Exception {
        new Mailer(mail.settings(Optional.empty())).send(new Mail("plain@example.org", "Grüße", "Hällo\nzweite Zeile\n"));
        List<MimeMessage> received = mail.to("plain@example.org");
        assertThat(received).hasSize(1);
        MimeMessage m = received.get(0);
        assertThat(m.getSubject()).isEqualTo("Grüße");
        assertThat(m.getFrom()[0].toString()).isEqualTo(MailCatcher.SENDER);
        assertThat(m.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(((String) m.getContent()).replace("\r\n", "\n").strip()).isEqualTo("Hällo\nzweite Zeile");
    }

    @Test
    void logsInWithTheSenderAndPasswordWhenOneIsSet() throws Exception {
        new Mailer(mail.settings(Optional.of("right-password"))).send(new Mail("auth@example.org", "s", "t"));
        assertThat(mail.to("auth@example.org")).hasSize(1);
        assertThatThrownBy(() -> new Mailer(mail.settings(Optional.of("wrong"))).send(new Mail("auth2@example.org", "s", "t")))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(mail.to("auth2@example.org")).isEmpty();
    }

    @Test
    void theOutboxDeliversOnItsExecutor() {
        AtomicReference<Runnable> queued = new AtomicReference<>();
        Executor later = queued::set;
        Outbox outbox = new Outbox(Optional.of(new Mailer(mail.settings(Optional.empty()))), later);
        outbox.post(new Mail("queued@example.org", "s", "t"));
        assertThat(mail.to("queued@example.org")).isEmpty();
        queued.get().run();
        assertThat(mail.to("queued@example.org")).hasSize(1);
    }

    @Test
    void aFailedDeliveryIsLoggedNotThrown() {
        MailSettings nowhere = new MailSettings("127.0.0.1", 1, "s@example.org", Optional.empty());
        new Outbox(Optional.of(new Mailer(nowhere)), Runnable::run).post(new Mail("x@example.org", "s", "t"));
    }

    @Test
    void withoutSmtpFlowsThatNeedMailAre503AndOtherMailIsDropped() {
        Outbox none = new Outbox(Optional.empty(), Runnable::run);
        assertThatThrownBy(none::requireConfigured).isInstanceOfSatisfying(MailNotConfiguredException.class,
                e -> assertThat(e.status()).isEqualTo(503));
        none.post(new Mail("dropped@example.org", "s", "t"));
        assertThat(mail.to("dropped@example.org")).isEmpty();
    }
}
