package dev.coachos.identity.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One guardian of a student as stored: the phone in E.164, the e-mail or null. */
@Embeddable
public class Guardian {

    @Column(nullable = false, length = 120)
    private String name;
    @Column(nullable = false, length = 10)
    private String relation;
    @Column(nullable = false, length = 20)
    private String phone;
    @Column(length = 254)
    private String email;

    protected Guardian() {
    }

    Guardian(String name, String relation, String phone, String email) {
        this.name = name;
        this.relation = relation;
        this.phone = phone;
        this.email = email;
    }

    public String getName() {
        return name;
    }

    public String getRelation() {
        return relation;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }
}
