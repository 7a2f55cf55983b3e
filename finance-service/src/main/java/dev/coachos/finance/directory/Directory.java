package dev.coachos.finance.directory;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Branches and students as identity-service last told them. */
@Service
public class Directory {

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Branch> branch(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select branch_id, code, name, city, state, state_code, gstin, receipt_series
                from branch_view where branch_id = ?""").param(id)
                .query((rs, n) -> new Branch(rs.getObject("branch_id", UUID.class), rs.getString("code"),
                        rs.getString("name"), rs.getString("city"), rs.getString("state"), rs.getString("state_code"),
                        rs.getString("gstin"), rs.getString("receipt_series")))
                .optional();
    }

    public Optional<Student> student(UUID id) {
        return jdbc.sql("select student_id, name, email, state_code from student_view where student_id = ?").param(id)
                .query((rs, n) -> new Student(rs.getObject("student_id", UUID.class), rs.getString("name"),
                        rs.getString("email"), rs.getString("state_code")))
                .optional();
    }

    /**
     * A branch: what its receipts print and how they are numbered.
     *
     * @param stateCode two-digit GST state code, or null when not given
     * @param gstin     its GSTIN, or null: then it issues plain receipts with no tax lines
     */
    public record Branch(UUID id, String code, String name, String city, String state, String stateCode, String gstin,
            String receiptSeries) {

        public boolean issuesTaxInvoices() {
            return gstin != null;
        }
    }

    /** A student: the name receipts are made out to and the state that decides the tax heads. */
    public record Student(UUID id, String name, String email, String stateCode) {
    }
}
