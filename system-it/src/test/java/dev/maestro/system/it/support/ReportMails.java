package dev.maestro.system.it.support;

import com.icegreen.greenmail.util.GreenMail;
import dev.maestro.testing.Mails;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The report mails GreenMail ({@link SystemBackends#mail()}) received for the example's
 * recipient ({@code MAESTRO_REPORT_TO}, here {@code it.report.to}), and their parts; and the
 * mail server going down and coming back. Waiting uses GreenMail's own blocking wait for the
 * next message, not sleeps.
 */
public final class ReportMails {
    /** What arrived before the server last went down: GreenMail forgets its messages when it stops. */
    private static final List<MimeMessage> BEFORE_OUTAGES = new CopyOnWriteArrayList<>();

    private ReportMails() {
    }

    /** Stops the SMTP server: deliveries are refused (connection refused) until {@link #serverUp()}. */
    public static synchronized void serverDown() {
        BEFORE_OUTAGES.addAll(Arrays.asList(SystemBackends.mail().getReceivedMessages()));
        SystemBackends.mail().stop();
    }

    /** Starts the SMTP server again on its port, unless it runs. */
    public static synchronized void serverUp() {
        if (!SystemBackends.mail().isRunning()) {
            SystemBackends.mail().start();
        }
    }

    /** The address the example's reports section mails to in these tests. */
    public static String recipient() {
        return System.getProperty("it.report.to");
    }

    /** Every report received so far, oldest first. */
    public static List<MimeMessage> received() {
        return Stream.concat(BEFORE_OUTAGES.stream(), Arrays.stream(SystemBackends.mail().getReceivedMessages()))
                .filter(m -> Mails.isTo(m, recipient())).toList();
    }

    /** The reports received so far whose subject is {@code subject}. */
    public static List<MimeMessage> withSubject(String subject) {
        return received().stream().filter(m -> subject.equals(Mails.subjectOf(m))).toList();
    }

    /** Waits until a report with this subject arrived (fails after {@code patience}); returns all with it. */
    public static List<MimeMessage> await(String subject, Duration patience) {
        GreenMail mail = SystemBackends.mail();
        Instant deadline = Instant.now().plus(patience);
        while (withSubject(subject).isEmpty()) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new AssertionError("after " + patience.toSeconds() + " s, no report \"" + subject + "\" to " + recipient()
                        + "; received: " + received().stream().map(Mails::subjectOf).toList());
            }
            // Blocks until one more message (to anyone) arrives, or a second passes.
            mail.waitForIncomingEmail(Math.min(left, 1000), mail.getReceivedMessages().length + 1);
        }
        return withSubject(subject);
    }

    /**
     * The content of the message's part of this MIME type ({@code text/plain}, {@code text/html}),
     * with the CRLF line ends SMTP carries turned back into the template's LF.
     */
    public static String part(MimeMessage message, String mimeType) {
        try {
            if (!(message.getContent() instanceof Multipart multipart)) {
                throw new AssertionError("the report \"" + message.getSubject() + "\" is not multipart");
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType(mimeType)) {
                    return ((String) part.getContent()).replace("\r\n", "\n");
                }
            }
            throw new AssertionError("the report \"" + message.getSubject() + "\" has no " + mimeType + " part");
        } catch (MessagingException | IOException e) {
            throw new AssertionError("Cannot read the report mail", e);
        }
    }
}
