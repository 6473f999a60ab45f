package com.example.shop;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The shop's orders: saved here in JAX-RS with {@code @Transactional}, or through the EJB {@link OrderDesk}. */
@Path("orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    /** What the shop answers about an order. */
    public record OrderView(long id, String customer, String status, int lines) {

        static OrderView of(ShopOrder order) {
            return new OrderView(
                    order.getId(),
                    order.getCustomer(),
                    order.getStatus().name(),
                    order.getLines().size());
        }
    }

    /** What a client sends to place an order. */
    public record NewOrder(String customer, String sku, int quantity) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    OrderDesk desk;

    @GET
    public List<OrderView> list() {
        return em.createQuery("SELECT o FROM ShopOrder o ORDER BY o.id", ShopOrder.class).getResultList().stream()
                .map(OrderView::of)
                .toList();
    }

    @GET
    @Path("broken")
    public List<OrderView> broken() {
        throw new IllegalStateException("a bug of the shop's own");
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response place(NewOrder order) {
        ShopOrder placed = new ShopOrder(order.customer()).add(order.sku(), order.quantity());
        em.persist(placed);
        if (order.quantity() <= 0) {
            // the shop's own rule, checked after the save: the transaction rolls back
            throw new IllegalArgumentException("quantity must be positive");
        }
        return Response.status(Response.Status.CREATED)
                .entity(OrderView.of(placed))
                .build();
    }

    @POST
    @Path("by-desk")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response placeAtTheDesk(NewOrder order) {
        return Response.status(Response.Status.CREATED)
                .entity(OrderView.of(desk.place(order.customer(), order.sku(), order.quantity())))
                .build();
    }

    @PUT
    @Path("{id}/paid")
    @Transactional
    public OrderView pay(@PathParam("id") long id) {
        ShopOrder order = em.find(ShopOrder.class, id);
        if (order == null) {
            throw new NotFoundException();
        }
        order.setStatus(OrderStatus.PAID);
        return OrderView.of(order);
    }

    @PUT
    @Path("{id}/shipped")
    public Response ship(@PathParam("id") long id) {
        desk.ship(id);
        return Response.noContent().build();
    }
}
