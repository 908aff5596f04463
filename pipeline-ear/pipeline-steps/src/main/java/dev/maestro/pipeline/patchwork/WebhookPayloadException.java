package dev.maestro.pipeline.patchwork;

/** A webhook body that is not the payload this receiver takes; the message says what is wrong. */
public class WebhookPayloadException extends RuntimeException {
    public WebhookPayloadException(String message) {
        super(message);
    }
}
