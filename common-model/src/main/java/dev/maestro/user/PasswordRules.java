package dev.maestro.user;

/**
 * What a new password must be. KernelCI has no policy at all; these rules only refuse what is
 * surely a mistake (an empty or blank password, a pasted file), so that every password its
 * clients set today is still accepted.
 */
final class PasswordRules {
    static final int MAX_LENGTH = 1024;

    private PasswordRules() {
    }

    /** Refuses a bad password with {@code code} (the flow's fastapi-users error code). */
    static void check(String password, String code) {
        if (password.isBlank()) {
            throw new InvalidPasswordException(code, "Password must not be empty or blank");
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidPasswordException(code, "Password must be at most " + MAX_LENGTH + " characters long");
        }
    }
}
