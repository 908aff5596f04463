package dev.maestro.user;

import dev.maestro.error.MaestroException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A password the rules refuse: 400 with fastapi-users' structured detail
 * {@code {"code": "..._INVALID_PASSWORD", "reason": "..."}}, the code naming the flow.
 */
public class InvalidPasswordException extends MaestroException {
    private final String code;

    public InvalidPasswordException(String code, String reason) {
        super(400, reason);
        this.code = code;
    }

    @Override
    public Object detail() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("reason", getMessage());
        return m;
    }
}
