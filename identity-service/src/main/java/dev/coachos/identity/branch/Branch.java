package dev.coachos.identity.branch;

import dev.coachos.identity.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One centre of the institute; staff outside the head office see only their own branch. */
@Entity
@Table(name = "branch")
public class Branch extends AbstractEntity {

    @Column(nullable = false)
    private String code;
    @Column(nullable = false)
    private String name;
    private String address;
    private String city;
    private String state;
    private String phone;
    private String email;
    @Column(name = "is_active", nullable = false)
    private boolean active = true;

    protected Branch() {
    }

    public Branch(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public void describe(String name, String address, String city, String state, String phone, String email) {
        this.name = name;
        this.address = address;
        this.city = city;
        this.state = state;
        this.phone = phone;
        this.email = email;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public String getCity() {
        return city;
    }

    public String getState() {
        return state;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public boolean isActive() {
        return active;
    }
}
