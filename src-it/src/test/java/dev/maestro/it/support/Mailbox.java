package dev.maestro.it.support;

import com.icegreen.greenmail.util.GreenMail;
import dev.maestro.testing.Mails;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the mail the server under test sent to GreenMail ({@link TestBackends#mail()}). The API
 * delivers in the background, so reads wait — by GreenMail's own blocking wait for the next
 * message, not by sleeping — until the expected message is there.
 */
public final class Mailbox {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Mailbox() {
    }

    /** The messages with this subject received so far for this address, oldest first. */
    public static List<MimeMessage> received(String address, String subject) {
        return Arrays.stream(TestBackends.mail().getReceivedMessages())
                .filter(m -> Mails.isTo(m, address) && subject.equals(Mails.subjectOf(m))).toList();
    }

    /** Waits until {@code count} such messages arrived; fails after 30 s. */
    public static List<MimeMessage> await(String address, String subject, int count) {
        return waitFor(address, subject, count, PATIENCE);
    }

    /** The token in the latest such message, waiting for it to arrive. */
    public static String awaitToken(String address, String subject) {
        List<MimeMessage> messages = await(address, subject, 1);
        return Mails.tokenIn(messages.get(messages.size() - 1));
    }

    /** The text of the latest such message, waiting for it to arrive. */
    public static String awaitText(String address, String subject) {
        List<MimeMessage> messages = await(address, subject, 1);
        try {
            return (String) messages.get(messages.size() - 1).getContent();
        } catch (MessagingException | IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Waits the whole window and returns what arrived meanwhile: for "no mail is sent" checks. */
    public static List<MimeMessage> within(String address, String subject, Duration window) {
        return waitFor(address, subject, Integer.MAX_VALUE, window);
    }

    private static List<MimeMessage> waitFor(String address, String subject, int count, Duration patience) {
        GreenMail mail = TestBackends.mail();
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            List<MimeMessage> found = received(address, subject);
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (found.size() >= count || left <= 0) {
                if (found.size() < count && count != Integer.MAX_VALUE) {
                    throw new AssertionError("after " + patience.toSeconds() + " s, " + found.size() + " of " + count
                            + " mails \"" + subject + "\" to " + address);
                }
                return found;
            }
            // Blocks until one more message (to anyone) arrives, or the time is up.
            mail.waitForIncomingEmail(Math.min(left, 1000), mail.getReceivedMessages().length + 1);
        }
    }
}
