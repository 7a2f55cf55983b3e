package dev.coachos.identity.setting;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Settings extends JpaRepository<Setting, UUID> {

    Optional<Setting> findByKey(String key);

    Page<Setting> findByCategory(String category, Pageable pageable);
}
