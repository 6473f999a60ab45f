package org.actiontriggers.access;

/**
 * Where Action Triggers answers inside the host application: everything under one base, so that nothing of
 * ours meets a path of the host's. The admin API's mapping is in the library's {@code META-INF/web-fragment.xml}
 * (a host may move it with its own {@code servlet-mapping} of the same servlet name); the console's pages come
 * from {@code META-INF/resources/action-triggers/console}.
 */
public final class Paths {

    /** The base of everything of ours. */
    public static final String BASE = "/action-triggers";

    /** The admin API. */
    public static final String API = BASE + "/api";

    /** The console's pages. */
    public static final String CONSOLE = BASE + "/console/";

    /** The built-in sign-in: its form's target, its page, and signing out. */
    public static final String SIGN_IN = CONSOLE + "sign-in";

    public static final String SIGN_IN_PAGE = CONSOLE + "login.xhtml";
    public static final String SIGN_OUT = CONSOLE + "sign-out";

    private Paths() {}
}
