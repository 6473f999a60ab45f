package org.actiontriggers.demo;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import java.util.List;

/**
 * The seed page's {@code Sale}: the entity whose creation the seed scenario turns into a webhook. Its {@code
 * status} moves {@code new → in_progress → completed} (Django Action Triggers' issue #149: fire when it moves
 * from one to the other); its {@code referrer}, a lazy reference without a getter, shows that capture never
 * loads what the application did not.
 */
@Entity
public class Sale {

    @Id
    @SequenceGenerator(name = "demo_seq", sequenceName = "demo_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "demo_seq")
    private Long id;

    @ManyToOne(optional = false)
    private Customer customer;

    @ManyToOne(optional = false)
    private Product product;

    private int quantity;

    /** One of {@link #STATUSES}. */
    private String status = NEW;

    /** The customer who recommended the sale, if any; never read by the demo, so never loaded. */
    @ManyToOne(fetch = FetchType.LAZY)
    private Customer referrer;

    public static final String NEW = "new";
    public static final String IN_PROGRESS = "in_progress";
    public static final String COMPLETED = "completed";
    public static final List<String> STATUSES = List.of(NEW, IN_PROGRESS, COMPLETED);

    public Sale() {}

    public Sale(Customer customer, Product product, int quantity) {
        this.customer = customer;
        this.product = product;
        this.quantity = quantity;
    }

    public Long getId() {
        return id;
    }

    public Customer getCustomer() {
        return customer;
    }

    public Product getProduct() {
        return product;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    public String getStatus() {
        return status;
    }

    /** @throws IllegalArgumentException for a status not in {@link #STATUSES} */
    public void setStatus(String status) {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be one of " + STATUSES + ": " + status);
        }
        this.status = status;
    }

    /** Sets the referrer; there is no getter, so that nothing (JSON-B included) loads it by accident. */
    public void referredBy(Customer referrer) {
        this.referrer = referrer;
    }
}
