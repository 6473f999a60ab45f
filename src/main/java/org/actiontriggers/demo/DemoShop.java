package org.actiontriggers.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.actiontriggers.capture.BulkChanges;

/** Plain application code over the demo entities: it saves and deletes, and triggers nothing on purpose. */
@ApplicationScoped
public class DemoShop {

    @PersistenceContext
    EntityManager em;

    @Inject
    BulkChanges bulk;

    @Transactional
    public Customer addCustomer(String name, String email) {
        Customer customer = new Customer(name, email);
        em.persist(customer);
        return customer;
    }

    @Transactional
    public Product addProduct(String name, String description) {
        Product product = new Product(name, description);
        em.persist(product);
        return product;
    }

    /** Records a sale; empty when the customer or product does not exist. */
    @Transactional
    public Optional<Sale> addSale(long customerId, long productId, int quantity) {
        Customer customer = em.find(Customer.class, customerId);
        Product product = em.find(Product.class, productId);
        if (customer == null || product == null) {
            return Optional.empty();
        }
        Sale sale = new Sale(customer, product, quantity);
        em.persist(sale);
        return Optional.of(sale);
    }

    /**
     * Records {@code count} sales of one customer and product in one transaction, quantities 1 to count;
     * empty when the customer or product does not exist.
     */
    @Transactional
    public Optional<List<Long>> addSales(long customerId, long productId, int count) {
        Customer customer = em.find(Customer.class, customerId);
        Product product = em.find(Product.class, productId);
        if (customer == null || product == null) {
            return Optional.empty();
        }
        List<Sale> sales = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            Sale sale = new Sale(customer, product, i);
            em.persist(sale);
            sales.add(sale);
        }
        em.flush();
        return Optional.of(sales.stream().map(Sale::getId).toList());
    }

    /** Changes a sale's quantity; empty when there is no such sale. */
    @Transactional
    public Optional<Sale> changeQuantity(long saleId, int quantity) {
        return changeSale(saleId, quantity, null);
    }

    /** Changes a sale's quantity, status or both in one transaction; empty when there is no such sale. */
    @Transactional
    public Optional<Sale> changeSale(long saleId, Integer quantity, String status) {
        Sale sale = em.find(Sale.class, saleId);
        if (sale != null) {
            if (quantity != null) {
                sale.setQuantity(quantity);
            }
            if (status != null) {
                sale.setStatus(status);
            }
        }
        return Optional.ofNullable(sale);
    }

    /**
     * Moves a sale to a status ({@code new}, {@code in_progress}, {@code completed}); empty when there is no
     * such sale.
     *
     * @throws IllegalArgumentException for an unknown status
     */
    @Transactional
    public Optional<Sale> changeStatus(long saleId, String status) {
        return changeSale(saleId, null, status);
    }

    /**
     * Completes sales with one bulk JPQL {@code UPDATE}, which bypasses entity listeners, and tells Action
     * Triggers which rows it changed: the way an application records its bulk statements.
     *
     * @return how many sales the statement changed
     */
    @Transactional
    public int completeAll(List<Long> saleIds) {
        if (saleIds.isEmpty()) {
            return 0;
        }
        int changed = em.createQuery("UPDATE Sale s SET s.status = :status WHERE s.id IN :ids")
                .setParameter("status", Sale.COMPLETED)
                .setParameter("ids", saleIds)
                .executeUpdate();
        bulk.updated(Sale.class, saleIds);
        return changed;
    }

    @Transactional
    public boolean deleteSale(long saleId) {
        Sale sale = em.find(Sale.class, saleId);
        if (sale == null) {
            return false;
        }
        em.remove(sale);
        return true;
    }
}
