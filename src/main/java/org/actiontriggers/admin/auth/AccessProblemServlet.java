package org.actiontriggers.admin.auth;

import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The body of a 401 or 403 from the container's security check (mapped in {@code WEB-INF/web.xml}): an RFC
 * 9457 problem document like every other refusal of the API, instead of the server's HTML error page — or,
 * for a page of the console, a short page in words.
 */
@WebServlet("/access-problem")
public class AccessProblemServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status)
                || (status != 401 && status != 403)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean unauthenticated = status == 401;
        response.setStatus(status);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                && uri.startsWith(request.getContextPath() + AdminAuthenticationMechanism.CONSOLE)) {
            consolePage(request, response);
            return;
        }
        // JSON is UTF-8 by definition (RFC 8259): no charset parameter, bytes written as such
        response.setContentType("application/problem+json");
        response.getOutputStream()
                .write(Json.createObjectBuilder()
                        .add(
                                "type",
                                "urn:action-triggers:problem:" + (unauthenticated ? "unauthenticated" : "forbidden"))
                        .add("title", unauthenticated ? "Authentication required" : "Forbidden")
                        .add("status", status)
                        .add(
                                "detail",
                                unauthenticated
                                        ? "sign in with HTTP Basic as a user with the role action-triggers-admin"
                                                + " (or action-triggers-viewer, to read)"
                                        : "your role may not do this; changes need action-triggers-admin")
                        .build()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** A person in the console gets a page in words, with the way back, rather than JSON. */
    private static void consolePage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html; charset=UTF-8");
        String home = request.getContextPath() + AdminAuthenticationMechanism.CONSOLE;
        response.getOutputStream()
                .write(("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Not allowed"
                                + "</title></head><body style=\"font-family:sans-serif;margin:3rem\">"
                                + "<h1>Not allowed</h1><p id=\"forbidden\">Your role may only read: changes need"
                                + " an administrator (action-triggers-admin).</p><p><a href=\"" + home
                                + "\">Back to the triggers</a></p></body></html>")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
