package com.example.shop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The shop's open catalogue: no sign-in needed. */
@Path("catalog")
public class CatalogResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String list() {
        return "widget, gadget";
    }
}
