package dev.maestro.pipeline.checkout;

/**
 * The tarball step could not produce the checkout's source. The caller sets the checkout
 * {@code done}/{@code incomplete} with {@code data.error_code} = {@link #ERROR_CODE} and
 * {@code data.error_msg} = the message.
 */
public class CheckoutFailure extends Exception {
    /** The only checkout error code KernelCI's model allows besides node_timeout. */
    public static final String ERROR_CODE = "git_checkout_failure";

    public CheckoutFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public CheckoutFailure(String message) {
        super(message);
    }

    public String errorCode() {
        return ERROR_CODE;
    }
}
