package dev.maestro.api.dashboard.view;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.List;

/**
 * The dashboard's Mustache templates, read from the classpath beside this class and compiled
 * once. Every {@code {{value}}} is HTML-escaped by Mustache; the templates use no triple
 * mustaches, so nothing from a node reaches the page unescaped.
 */
public final class Templates {
    private static final String ROOT = "dev/maestro/api/dashboard/view";
    private final DefaultMustacheFactory factory = new DefaultMustacheFactory(ROOT);

    /**
     * Renders {@code name} ({@code trees} for {@code trees.mustache}) with the page's model and
     * the scope every page shares (base path, title), the model looked up first.
     */
    public String render(String name, Object model, Object shared) {
        Mustache template = factory.compile(name + ".mustache");
        StringWriter out = new StringWriter(16 * 1024);
        template.execute(out, List.of(shared, model));
        return out.toString();
    }
}
