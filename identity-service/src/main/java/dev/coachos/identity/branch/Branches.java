package dev.coachos.identity.branch;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Branches extends JpaRepository<Branch, UUID> {

    @Query("select count(b) > 0 from Branch b where lower(b.code) = lower(?1)")
    boolean existsByCode(String code);
}
