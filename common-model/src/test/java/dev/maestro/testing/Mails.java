package dev.maestro.testing;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading received mail in tests (here and in the integration tests): whom it is for, and the token a flow's mail carries. */
public final class Mails {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private Mails() {
    }

    public static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    public static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
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
}
