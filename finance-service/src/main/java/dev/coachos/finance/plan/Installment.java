package dev.coachos.finance.plan;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One part of a plan as the API shows it.
 *
 * @param status  DUE, PARTIALLY_PAID, PAID, OVERDUE (DUE or PARTIALLY_PAID past its due date), WAIVED,
 *                CANCELLED (not yet due when the enrollment ended) or SUPERSEDED (re-split)
 * @param pending what is still owed on it (0.00 unless DUE, PARTIALLY_PAID or OVERDUE)
 */
public record Installment(UUID id, UUID planId, int seq, String kind, LocalDate dueDate, BigDecimal amount,
        BigDecimal paid, BigDecimal pending, String status, String note) {

    static final String COLUMNS = "i.id, i.plan_id, i.seq, i.kind, i.due_date, i.amount, i.paid, i.status, i.note";

    static Installment read(ResultSet rs, LocalDate today) throws SQLException {
        String stored = rs.getString("status");
        BigDecimal amount = rs.getBigDecimal("amount");
        BigDecimal paid = rs.getBigDecimal("paid");
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        boolean open = "DUE".equals(stored) || "PARTIALLY_PAID".equals(stored);
        String status = open && due.isBefore(today) ? "OVERDUE" : stored;
        return new Installment(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class), rs.getInt("seq"),
                rs.getString("kind"), due, amount, paid, open ? amount.subtract(paid) : BigDecimal.ZERO.setScale(2),
                status, rs.getString("note"));
    }
}
