package dev.coachos.identity.branch;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Branches extends JpaRepository<Branch, UUID> {

    @Query("select count(b) > 0 from Branch b where lower(b.code) = lower(?1)")
    boolean existsByCode(String code);

    @Query("select count(b) > 0 from Branch b where upper(b.receiptSeries) = upper(?1)")
    boolean existsByReceiptSeries(String receiptSeries);

    @Query("select count(b) > 0 from Branch b where upper(b.receiptSeries) = upper(?1) and b.id <> ?2")
    boolean existsByReceiptSeriesElsewhere(String receiptSeries, UUID branchId);
}
