package org.actiontriggers.admin;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Mounts the REST resources under {@code /api}. */
@ApplicationPath("api")
public class ApiApplication extends Application {}
