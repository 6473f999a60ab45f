package com.example.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One line of an order. */
@Entity
@Table(name = "shop_order_line")
public class OrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shop_line_seq")
    @SequenceGenerator(name = "shop_line_seq", sequenceName = "shop_line_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false)
    private ShopOrder order;

    private String sku;

    private int quantity;

    protected OrderLine() {}

    OrderLine(ShopOrder order, String sku, int quantity) {
        this.order = order;
        this.sku = sku;
        this.quantity = quantity;
    }

    public Long getId() {
        return id;
    }

    public String getSku() {
        return sku;
    }

    public int getQuantity() {
        return quantity;
    }
}
