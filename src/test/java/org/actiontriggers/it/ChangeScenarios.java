package org.actiontriggers.it;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.function.IntSupplier;
import org.actiontriggers.capture.BulkChanges;
import org.actiontriggers.demo.Customer;
import org.actiontriggers.demo.Sale;

/** Application code of the change-capture tests: each method is one transaction of a scenario. */
@ApplicationScoped
public class ChangeScenarios {

    /** The key under which capture keeps the previous states in the transaction's resources. */
    static final String PREVIOUS_STATES = "org.actiontriggers.capture.PreviousStates";

    @PersistenceContext(unitName = "application")
    EntityManager em;

    @Inject
    BulkChanges bulk;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Thrown to roll a scenario back. */
    static final class RolledBack extends RuntimeException {
        RolledBack() {
            super(null, null, false, false);
        }
    }

    /** The sale, loaded in a transaction of its own and returned detached. */
    @Transactional
    public Sale load(long saleId) {
        return em.find(Sale.class, saleId);
    }

    /** Merges a detached sale in a transaction of its own. */
    @Transactional
    public void merge(Sale detached) {
        em.merge(detached);
    }

    /** Changes the status, flushes, and changes it again: two flushes in one transaction. */
    @Transactional
    public void statusTwiceWithAFlush(long saleId, String first, String second) {
        Sale sale = em.find(Sale.class, saleId);
        sale.setStatus(first);
        em.flush();
        sale.setStatus(second);
    }

    /** Changes the quantity, then the status, and lets the commit flush once. */
    @Transactional
    public void quantityThenStatusWithoutAFlush(long saleId, int quantity, String status) {
        Sale sale = em.find(Sale.class, saleId);
        sale.setQuantity(quantity);
        sale.setStatus(status);
    }

    @Transactional
    public void refer(long saleId, long customerId) {
        em.find(Sale.class, saleId).referredBy(em.find(Customer.class, customerId));
    }

    /**
     * Changes the status of a sale whose lazy referrer it never reads, flushes, and tells whether the referrer
     * is loaded after the callbacks ran.
     */
    @Transactional
    public boolean statusLeavingTheReferrerUnread(long saleId, String status) {
        Sale sale = em.find(Sale.class, saleId);
        sale.setStatus(status);
        em.flush();
        return em.getEntityManagerFactory().getPersistenceUnitUtil().isLoaded(sale, "referrer");
    }

    /** Whether capture keeps previous states after loading the customer, then after loading the sale. */
    @Transactional
    public List<Boolean> previousStatesKeptAfterLoading(long customerId, long saleId) {
        em.find(Customer.class, customerId);
        boolean afterCustomer = transactions.getResource(PREVIOUS_STATES) != null;
        em.find(Sale.class, saleId);
        boolean afterSale = transactions.getResource(PREVIOUS_STATES) != null;
        return List.of(afterCustomer, afterSale);
    }

    /** A bulk JPQL update of the quantity, recorded through the bulk API; answers how many it recorded. */
    @Transactional
    public int bulkQuantity(List<Long> saleIds, int quantity) {
        em.createQuery("UPDATE Sale s SET s.quantity = :quantity WHERE s.id IN :ids")
                .setParameter("quantity", quantity)
                .setParameter("ids", saleIds)
                .executeUpdate();
        return bulk.updated(Sale.class, saleIds);
    }

    /** As {@link #bulkQuantity}, then lets the caller look inside the open transaction, then rolls it back. */
    @Transactional
    public void bulkQuantityThenFail(List<Long> saleIds, int quantity, IntSupplier whileOpen) {
        bulkQuantity(saleIds, quantity);
        whileOpen.getAsInt();
        throw new RolledBack();
    }

    /** A bulk JPQL delete, announced to the bulk API before the statement; answers how many it recorded. */
    @Transactional
    public int bulkDelete(List<Long> saleIds) {
        int recorded = bulk.deleting(Sale.class, saleIds);
        em.createQuery("DELETE FROM Sale s WHERE s.id IN :ids")
                .setParameter("ids", saleIds)
                .executeUpdate();
        return recorded;
    }

    /** A bulk update of customers, which no config watches, through the bulk API. */
    @Transactional
    public int bulkCustomers(List<Long> customerIds) {
        em.createQuery("UPDATE Customer c SET c.email = 'bulk@example.com' WHERE c.id IN :ids")
                .setParameter("ids", customerIds)
                .executeUpdate();
        return bulk.updated(Customer.class, customerIds);
    }
}
