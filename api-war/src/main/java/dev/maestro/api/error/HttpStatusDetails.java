package dev.maestro.api.error;

/** KernelCI's (Starlette's) wording for plain HTTP errors. */
final class HttpStatusDetails {
    private HttpStatusDetails() {
    }

    static String of(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 413 -> "Request Entity Too Large";
            case 415 -> "Unsupported Media Type";
            default -> status >= 500 ? "Internal Server Error" : "HTTP error " + status;
        };
    }
}
