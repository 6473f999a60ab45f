package org.actiontriggers.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code conn} and {@code params} keys one broker type takes, so that the settings and a queue document
 * can be checked before anything connects: a key the type does not know is refused, and exactly one key of
 * each "one of" list must be given (RabbitMQ: {@code exchange} or {@code queue}; Redis: {@code channel} or
 * {@code stream}).
 *
 * @param conn every connection key the type accepts
 * @param connOneOf keys of which exactly one must be in the effective connection; empty when none is required
 * @param params every parameter the type accepts
 * @param paramsOneOf parameters of which exactly one must be in the effective parameters
 */
public record BrokerKeys(Set<String> conn, List<String> connOneOf, Set<String> params, List<String> paramsOneOf) {

    public BrokerKeys {
        conn = Set.copyOf(conn);
        connOneOf = List.copyOf(connOneOf);
        params = Set.copyOf(params);
        paramsOneOf = List.copyOf(paramsOneOf);
    }

    /** Keys the connection details name that the type does not know, each with the reason. */
    public Map<String, String> unknownConn(Map<String, String> given) {
        return unknown(given, conn);
    }

    /** Parameters the type does not know, each with the reason. */
    public Map<String, String> unknownParams(Map<String, String> given) {
        return unknown(given, params);
    }

    /** Why the effective connection lacks its required key, or {@code null} when it has exactly one. */
    public String missingConn(Map<String, String> effective) {
        return oneOfProblem(effective, connOneOf);
    }

    /** Why the effective parameters lack their required key, or {@code null} when they have exactly one. */
    public String missingParams(Map<String, String> effective) {
        return oneOfProblem(effective, paramsOneOf);
    }

    private static Map<String, String> unknown(Map<String, String> given, Set<String> known) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (String key : given.keySet()) {
            if (!known.contains(key)) {
                problems.put(
                        key,
                        "is not a key of this broker type; expected one of " + String.join(", ", new TreeSet<>(known)));
            }
        }
        return problems;
    }

    private static String oneOfProblem(Map<String, String> effective, List<String> oneOf) {
        if (oneOf.isEmpty()) {
            return null;
        }
        long present = oneOf.stream()
                .filter(k -> effective.get(k) != null && !effective.get(k).isBlank())
                .count();
        if (present == 1) {
            return null;
        }
        String names = oneOf.size() == 1 ? oneOf.get(0) : "one of " + String.join(", ", oneOf);
        return present == 0 ? names + " is required" : "give only " + names + ", not several";
    }
}
