package dev.maestro.pipeline.callback;

import java.util.Map;

/** What the callback endpoint answers: a status and a JSON body ({@code {"detail": …}} for errors). */
public record CallbackReply(int status, Map<String, Object> body) {

    static CallbackReply detail(int status, String detail) {
        return new CallbackReply(status, Map.of("detail", detail));
    }

    static CallbackReply message(int status, String message) {
        return new CallbackReply(status, Map.of("message", message));
    }
}
