package org.actiontriggers.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.actiontriggers.config.TriggerSettings;

/** Plain application code over the demo entities: it saves and deletes, and triggers nothing on purpose. */
@ApplicationScoped
public class DemoShop {

    @PersistenceContext(unitName = TriggerSettings.APPLICATION_UNIT)
    EntityManager em;

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

    /** Changes a sale's quantity; empty when there is no such sale. */
    @Transactional
    public Optional<Sale> changeQuantity(long saleId, int quantity) {
        Sale sale = em.find(Sale.class, saleId);
        if (sale != null) {
            sale.setQuantity(quantity);
        }
        return Optional.ofNullable(sale);
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
