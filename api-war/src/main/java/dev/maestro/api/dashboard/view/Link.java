package dev.maestro.api.dashboard.view;

import java.util.List;
import java.util.Map;

/** A named URL (an artifact); {@code linkable} is false for anything but http(s), shown as text. */
public record Link(String name, String url, boolean linkable) {

    public static List<Link> of(Map<String, String> artifacts) {
        if (artifacts == null) {
            return List.of();
        }
        return artifacts.entrySet().stream()
                .map(e -> new Link(e.getKey(), e.getValue(), Nodes.linkable(e.getValue())))
                .toList();
    }
}
