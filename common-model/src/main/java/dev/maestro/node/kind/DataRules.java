package dev.maestro.node.kind;

import dev.maestro.store.Ids;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The value rules of the kind schemas, with pydantic's wording. Integers are strict (a JSON
 * integer, not a string, float or boolean), as KernelCI's models check them.
 */
final class DataRules {
    private DataRules() {
    }

    static DataRule string() {
        return (v, path, errors) -> {
            if (!(v instanceof String)) {
                errors.add(path + ": Input should be a valid string");
            }
        };
    }

    static DataRule integer() {
        return (v, path, errors) -> {
            if (!(v instanceof Integer || v instanceof Long)) {
                errors.add(path + ": Input should be a valid integer");
            }
        };
    }

    static DataRule bool() {
        return (v, path, errors) -> {
            if (!(v instanceof Boolean)) {
                errors.add(path + ": Input should be a valid boolean");
            }
        };
    }

    static DataRule object() {
        return (v, path, errors) -> {
            if (!(v instanceof java.util.Map<?, ?>)) {
                errors.add(path + ": Input should be a valid dictionary");
            }
        };
    }

    static DataRule list(DataRule element) {
        return (v, path, errors) -> {
            if (!(v instanceof List<?> list)) {
                errors.add(path + ": Input should be a valid list");
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                element.check(list.get(i), path + "." + i, errors);
            }
        };
    }

    static DataRule oneOf(Collection<String> allowed) {
        String choices = allowed.stream().map(a -> "'" + a + "'").collect(Collectors.joining(", "));
        return (v, path, errors) -> {
            if (!(v instanceof String s) || !allowed.contains(s)) {
                errors.add(path + ": Input should be one of " + choices);
            }
        };
    }

    /** Any absolute URL (a scheme and something after it), as pydantic's AnyUrl. */
    static DataRule url() {
        return (v, path, errors) -> {
            if (!(v instanceof String s) || !isAbsoluteUrl(s)) {
                errors.add(path + ": Input should be a valid URL");
            }
        };
    }

    /** A 24-hex ObjectId string. */
    static DataRule objectId() {
        return (v, path, errors) -> {
            if (!(v instanceof String s) || !Ids.isValid(s)) {
                errors.add(path + ": Input should be a valid ObjectId (24 hex characters)");
            }
        };
    }

    private static boolean isAbsoluteUrl(String s) {
        try {
            URI uri = new URI(s);
            return uri.getScheme() != null && uri.getRawSchemeSpecificPart() != null && !uri.getRawSchemeSpecificPart().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
