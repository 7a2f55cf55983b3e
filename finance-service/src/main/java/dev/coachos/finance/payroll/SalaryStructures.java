package dev.coachos.finance.payroll;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.coachos.finance.payroll.NewSalaryStructure.NewComponent;
import dev.coachos.platform.data.PagedQuery;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.data.Where;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;

/**
 * Salary structures: what a teacher or staff member is paid from a day on. Two structures of one
 * person never overlap: the database refuses it (a trigger under a per-person lock, raising
 * exclusion_violation), and the refusal is told as a 409 naming the structure in the way. A structure is
 * never deleted; an open-ended one is ended on a day.
 */
@Service
public class SalaryStructures {

    static final String COLUMNS = """
            s.id, s.person_id, p.name as person_name, s.branch_id, s.base_pay, s.effective_from, s.effective_to, s.pf,
            s.esi, s.tds_percent, s.note, s.created_by, s.created_at, s.version""";
    static final String FROM = "salary_structure s left join payee_view p on p.user_id = s.person_id";
    private static final Sorting SORTING = Sorting.of(Map.of("effectiveFrom", "s.effective_from",
            "createdAt", "s.created_at"), "s.effective_from desc", "s.id");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PayrollSettings settings;
    private final Clock clock;

    SalaryStructures(JdbcClient jdbc, TransactionTemplate transactions, PayrollSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Sets up a structure for a teacher or staff member of a branch in the caller's reach (its branch
     * defaults to theirs). Overlapping another of theirs: 409 naming it.
     */
    public SalaryStructure create(NewSalaryStructure request, Caller caller) {
        Payee payee = jdbc.sql("select user_id, branch_id from payee_view where user_id = ?")
                .param(request.personId())
                .query((rs, n) -> new Payee(rs.getObject("user_id", UUID.class), rs.getObject("branch_id", UUID.class)))
                .optional().filter(p -> caller.reaches(Optional.ofNullable(p.branchId())))
                .orElseThrow(() -> Problems.invalidField("personId",
                        "is not a teacher or staff member of a branch in your reach"));
        UUID branch = request.branchId() != null ? request.branchId() : payee.branchId();
        if (!PayrollAccess.manages(caller, branch)) {
            throw Problems.forbidden("Setting up a salary structure needs manage:payroll for its branch");
        }
        if (request.effectiveTo() != null && request.effectiveTo().isBefore(request.effectiveFrom())) {
            throw Problems.invalidField("effectiveTo", "must not be before effectiveFrom");
        }
        List<SalaryMath.Component> components = components(request.components());
        List<SalaryMath.Invalid> invalid = SalaryMath.validate(components);
        if (!invalid.isEmpty()) {
            throw Problems.invalidFields("Invalid component(s): " + String.join("; ",
                    invalid.stream().map(SalaryMath.Invalid::message).toList()),
                    invalid.stream().map(i -> new Problems.FieldProblem(i.field(), i.message())).toList());
        }
        PayrollAccess.requireNotOwn(caller, request.personId(), "set up a salary structure");
        // The largest month the structure can make (every day paid, no batch pay): it must fit a slip.
        SalaryMath.Slip largest = SalaryMath.compute(new SalaryMath.Structure(request.basePay(), components,
                Boolean.TRUE.equals(request.pf()), Boolean.TRUE.equals(request.esi()), request.tdsPercent()), 31, 31,
                List.of(), settings);
        Optional<String> tooLarge = SalaryMath.tooLarge(largest);
        if (tooLarge.isPresent()) {
            throw Problems.invalidField(components.isEmpty() ? "basePay" : "components", "a full month of this"
                    + " structure would be more than a slip holds: " + tooLarge.get());
        }
        UUID id = UuidV7.next();
        Instant now = clock.instant();
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("""
                        insert into salary_structure (id, person_id, branch_id, base_pay, effective_from, effective_to, pf,
                            esi, tds_percent, note, created_by, created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                        .params(id, request.personId(), branch, request.basePay().setScale(2), request.effectiveFrom(),
                                request.effectiveTo(), Boolean.TRUE.equals(request.pf()),
                                Boolean.TRUE.equals(request.esi()), request.tdsPercent(), blankToNull(request.note()),
                                caller.userId(), Timestamp.from(now), Timestamp.from(now))
                        .update();
                int seq = 0;
                for (SalaryMath.Component c : components) {
                    jdbc.sql("""
                            insert into salary_component (structure_id, seq, code, name, kind, calc, amount, percent, of_code)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                            .params(id, ++seq, c.code(), c.name().strip(), c.kind().name(), c.calc().name(),
                                    c.amount() == null ? null : c.amount().setScale(2), c.percent(), c.of())
                            .update();
                }
            });
        } catch (DataIntegrityViolationException e) {
            if (overlap(e)) {
                UUID other = overlapping(request.personId(), request.effectiveFrom(), request.effectiveTo(), id);
                throw Problems.conflict("The structure overlaps salary structure " + other + " of the same person;"
                        + " end that one first or choose other dates");
            }
            throw e;
        }
        return find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public SalaryStructure get(UUID id, Caller caller) {
        return find(id).filter(s -> PayrollAccess.reads(caller, s.personId(), s.branchId()))
                .orElseThrow(() -> Problems.notFound("salary structure", id));
    }

    /** Structures in the caller's reach, latest start first; a person without read:payroll sees only their own. */
    @Transactional(readOnly = true)
    public PageResponse<SalaryStructure> list(UUID personId, UUID branchId, LocalDate on, Caller caller,
            Paging paging) {
        Where where = Where.always();
        if (!PayrollAccess.readsOthers(caller)) {
            where.and("s.person_id = :self", "self", caller.userId());
        } else if (!caller.seesAllBranches()) {
            where.and("s.branch_id = :reach", "reach", caller.branchId().orElse(null));
        }
        where.andIfPresent(personId, "s.person_id = :person", "person");
        where.andIfPresent(branchId, "s.branch_id = :branch", "branch");
        where.andIfPresent(on, "s.effective_from <= :on and (s.effective_to is null or s.effective_to >= :on)", "on");
        PageResponse<SalaryStructure> page = PagedQuery.page(jdbc, COLUMNS, FROM, where, SORTING, paging,
                (rs, n) -> read(rs, List.of()));
        return PageResponse.of(page.content().stream().map(s -> find(s.id()).orElseThrow()).toList(), paging.size(),
                paging.page(), page.page().totalElements());
    }

    /**
     * Ends an open-ended structure on a day: not before its start, nor before the end of a month already
     * on an approved or paid slip made from it.
     */
    @Transactional
    public SalaryStructure end(UUID id, LocalDate effectiveTo, Caller caller) {
        SalaryStructure structure = jdbc.sql("select " + COLUMNS + " from " + FROM + " where s.id = ? for update of s")
                .param(id).query((rs, n) -> read(rs, List.of())).optional()
                .orElseThrow(() -> Problems.notFound("salary structure", id));
        PayrollAccess.requireManage(caller, "salary structure", id, structure.personId(), structure.branchId());
        PayrollAccess.requireNotOwn(caller, structure.personId(), "end a salary structure");
        if (structure.effectiveTo() != null) {
            throw Problems.conflict("The structure already ends on " + structure.effectiveTo());
        }
        if (effectiveTo.isBefore(structure.effectiveFrom())) {
            throw Problems.invalidField("effectiveTo", "must not be before effectiveFrom (" + structure.effectiveFrom() + ")");
        }
        Optional<LocalDate> settled = jdbc.sql("""
                select max(month) from salary_slip where structure_id = ? and status in ('APPROVED', 'PAID')""")
                .param(id).query(LocalDate.class).optional();
        if (settled.isPresent() && settled.get() != null
                && effectiveTo.isBefore(settled.get().plusMonths(1).minusDays(1))) {
            throw Problems.conflict("A slip of " + settled.get().toString().substring(0, 7)
                    + " made from this structure is approved or paid: it cannot end before "
                    + settled.get().plusMonths(1).minusDays(1));
        }
        jdbc.sql("update salary_structure set effective_to = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(effectiveTo, Timestamp.from(clock.instant()), id).update();
        return find(id).orElseThrow();
    }

    /** The structures of the person in effect on some day of the month in the branch, earliest first. */
    List<SalaryStructure> inEffect(UUID personId, UUID branchId, LocalDate first, LocalDate last) {
        return jdbc.sql("select s.id from salary_structure s where s.person_id = ? and s.branch_id is not distinct from ?"
                + " and s.effective_from <= ? and (s.effective_to is null or s.effective_to >= ?)"
                + " order by s.effective_from")
                .params(personId, branchId, last, first).query(UUID.class).list().stream()
                .map(id -> find(id).orElseThrow()).toList();
    }

    Optional<SalaryStructure> find(UUID id) {
        List<SalaryStructure.Component> components = jdbc.sql("""
                select seq, code, name, kind, calc, amount, percent, of_code from salary_component
                where structure_id = ? order by seq""").param(id)
                .query((rs, n) -> new SalaryStructure.Component(rs.getInt("seq"), rs.getString("code"),
                        rs.getString("name"), rs.getString("kind"), rs.getString("calc"), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("percent"), rs.getString("of_code")))
                .list();
        return jdbc.sql("select " + COLUMNS + " from " + FROM + " where s.id = ?").param(id)
                .query((rs, n) -> read(rs, components)).optional();
    }

    /** The structure as the slip's arithmetic takes it. */
    static SalaryMath.Structure forMath(SalaryStructure s) {
        return new SalaryMath.Structure(s.basePay(), s.components().stream()
                .map(c -> new SalaryMath.Component(c.code(), c.name(), SalaryMath.Kind.valueOf(c.kind()),
                        SalaryMath.Calc.valueOf(c.calc()), c.amount(), c.percent(), c.of()))
                .toList(), s.pf(), s.esi(), s.tdsPercent());
    }

    private UUID overlapping(UUID person, LocalDate from, LocalDate to, UUID self) {
        return jdbc.sql("""
                select id from salary_structure where person_id = ? and id <> ?
                  and daterange(effective_from, effective_to, '[]') && daterange(?, ?, '[]')
                order by effective_from limit 1""")
                .params(person, self, from, to).query(UUID.class).optional().orElse(null);
    }

    /** Whether the database refused the row as overlapping another of the person (SQLSTATE 23P01). */
    private static boolean overlap(DataIntegrityViolationException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23P01".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static List<SalaryMath.Component> components(List<NewComponent> given) {
        List<SalaryMath.Component> components = new ArrayList<>();
        if (given == null) {
            return components;
        }
        for (NewComponent c : given) {
            components.add(c == null ? null : new SalaryMath.Component(upper(c.code()), c.name(),
                    parse(SalaryMath.Kind.class, c.kind()), parse(SalaryMath.Calc.class, c.calc()), c.amount(),
                    c.percent(), upper(c.of())));
        }
        return components;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String upper(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static SalaryStructure read(ResultSet rs, List<SalaryStructure.Component> components) throws SQLException {
        BigDecimal tds = rs.getBigDecimal("tds_percent");
        return new SalaryStructure(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getString("person_name"), rs.getObject("branch_id", UUID.class), rs.getBigDecimal("base_pay"),
                rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class),
                rs.getBoolean("pf"), rs.getBoolean("esi"), tds, rs.getString("note"), components,
                rs.getObject("created_by", UUID.class), rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
    }

    private record Payee(UUID id, UUID branchId) {
    }
}
