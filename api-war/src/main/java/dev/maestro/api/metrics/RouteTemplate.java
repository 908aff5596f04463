package dev.maestro.api.metrics;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The route a request matched, as its template ({@code /node/{node_id}}), from the resource's {@code @Path}s. */
final class RouteTemplate {
    /** Requests that matched no resource method: unknown routes, refused prefixes, wrong methods. */
    static final String UNMATCHED = "unmatched";
    /** Templates by resource method: reading annotations and joining paths per request showed in profiles. */
    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

    private RouteTemplate() {
    }

    static String of(ResourceInfo resource) {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        Method method = resource == null ? null : resource.getResourceMethod();
        if (type == null || method == null) {
            return UNMATCHED;
        }
        return template(type, method);
    }

    /** The template of a method that its root resource class declares. */
    static String declaredBy(Method method) {
        return template(method.getDeclaringClass(), method);
    }

    private static String template(Class<?> type, Method method) {
        return TEMPLATES.computeIfAbsent(method, m -> join(path(type.getAnnotation(Path.class)), path(m.getAnnotation(Path.class))));
    }

    static String join(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static String path(Path path) {
        return path == null ? "" : path.value();
    }
}
