package dev.maestro.edge;

import java.nio.charset.StandardCharsets;

/** A {@code {"detail": …}} body, and a whole HTTP/1.1 answer carrying one. */
final class JsonError {
    private JsonError() {
    }

    static byte[] body(String detail) {
        StringBuilder json = new StringBuilder(detail.length() + 16).append("{\"detail\":\"");
        for (char c : detail.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The answer that closes the connection: after a malformed request nothing else on it can be trusted. */
    static byte[] response(int status, String reason, String detail) {
        byte[] body = body(detail);
        byte[] head = ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] answer = new byte[head.length + body.length];
        System.arraycopy(head, 0, answer, 0, head.length);
        System.arraycopy(body, 0, answer, head.length, body.length);
        return answer;
    }
}
