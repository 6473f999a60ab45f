package com.example.shop;

/** Where an order stands. */
public enum OrderStatus {
    PLACED,
    PAID,
    SHIPPED
}
