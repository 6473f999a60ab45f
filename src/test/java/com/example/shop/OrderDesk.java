package com.example.shop;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The shop's order desk, an EJB with container-managed transactions, as older applications have them. */
@Stateless
public class OrderDesk {

    @PersistenceContext
    EntityManager em;

    public ShopOrder place(String customer, String sku, int quantity) {
        ShopOrder order = new ShopOrder(customer).add(sku, quantity);
        em.persist(order);
        return order;
    }

    public void ship(long id) {
        em.find(ShopOrder.class, id).setStatus(OrderStatus.SHIPPED);
    }
}
