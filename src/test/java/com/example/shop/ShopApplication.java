package com.example.shop;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The shop's REST application: it only sets its path, as most applications do. */
@ApplicationPath("api")
public class ShopApplication extends Application {}
