package org.actiontriggers.demo;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** The seed page's {@code Product}: an ordinary entity that knows nothing of triggers. */
@Entity
public class Product {

    @Id
    @SequenceGenerator(name = "demo_seq", sequenceName = "demo_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "demo_seq")
    private Long id;

    private String name;

    @Column(length = 10_000)
    private String description;

    public Product() {}

    public Product(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
