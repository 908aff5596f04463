package dev.maestro.api.event;

import dev.maestro.error.ValidationException;

/** Path and query values of the event routes, refused with FastAPI's 422 wording when malformed. */
final class Params {
    private Params() {
    }

    /** Subscription ids are integers, as KernelCI's {@code /listen/{sub_id:int}}. */
    static int subscriptionId(String raw) {
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ValidationException.of("int_parsing", "Input should be a valid integer, unable to parse string as an integer",
                    "path", "sub_id");
        }
    }

    /** Query booleans in any case, and the other spellings Pydantic accepts. */
    static boolean bool(String raw, String name) {
        if (raw == null || raw.isEmpty()) {
            return false;
        }
        return switch (raw.trim().toLowerCase()) {
            case "true", "1", "yes", "on", "t", "y" -> true;
            case "false", "0", "no", "off", "f", "n" -> false;
            default -> throw ValidationException.of("bool_parsing", "Input should be a valid boolean, unable to interpret input",
                    "query", name);
        };
    }
}
