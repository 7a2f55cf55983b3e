package dev.coachos.marketing.campaign;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.marketing.MarketingSettings;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;

/**
 * The campaign report: per campaign, per lead source and in total, the leads created in the range,
 * the conversions in it (leads CONVERTED with {@code converted_at} in the range), the spend for days
 * in it (entered here, reversals included, plus finance's counted expenses naming the campaign that
 * were not reversed), the fees received in it from the students of converted
 * leads (payments not reversed) and the figures derived from these (see {@link Figures}).
 *
 * <p>Reach: a caller who sees every branch reads everything, or one branch ({@code branchId});
 * anyone else reads their own branch. A branch's report counts the branch's leads, and the spend of
 * the branch's own campaigns only: head office's campaigns serve every branch and their spend is
 * not divided among them, so a head-office campaign's row in a branch's report has no spend (null)
 * and no cost figures.
 */
@Service
public class CampaignReport {

    /** The longest range a report covers, in days (both ends included). */
    static final int MAX_DAYS = 366;

    /** The range without {@code from}: this many days ending on {@code to}. */
    static final int DEFAULT_DAYS = 30;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    CampaignReport(JdbcClient jdbc, Clock clock, MarketingSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = settings.zone();
    }

    /** The report of the days {@code from} to {@code to} (by default the 30 days ending today in the institute's zone). */
    @Transactional(readOnly = true)
    public Report report(LocalDate from, LocalDate to, UUID branchId, Caller caller) {
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(zone));
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
        if (first.isAfter(last)) {
            throw Problems.invalidField("from", "must not be after to (" + last + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw Problems.invalidField("to", "a report covers at most " + MAX_DAYS + " days");
        }
        UUID branch = branchOf(branchId, caller);
        Scope scope = new Scope(first, last, Timestamp.from(first.atStartOfDay(zone).toInstant()),
                Timestamp.from(last.plusDays(1).atStartOfDay(zone).toInstant()), branch);

        Map<Object, long[]> leadsByCampaign = leadFigures("l.campaign_id", scope);
        Map<Object, BigDecimal> feesByCampaign = fees("l.campaign_id", scope);
        Map<UUID, BigDecimal> spendByCampaign = spend(scope);

        Set<UUID> ids = new HashSet<>();
        leadsByCampaign.keySet().forEach(k -> addId(ids, k));
        feesByCampaign.keySet().forEach(k -> addId(ids, k));
        ids.addAll(spendByCampaign.keySet());

        List<Report.CampaignRow> campaigns = new ArrayList<>();
        BigDecimal totalSpend = BigDecimal.ZERO;
        for (CampaignName c : names(ids)) {
            BigDecimal spend = branch == null || branch.equals(c.branchId())
                    ? Figures.money(spendByCampaign.getOrDefault(c.id(), BigDecimal.ZERO)) : null;
            if (spend != null) {
                totalSpend = totalSpend.add(spend);
            }
            campaigns.add(Report.CampaignRow.of(c.id(), c.name(), c.channel(), c.status(), c.branchId(),
                    figures(leadsByCampaign.get(c.id()), spend, feesByCampaign.get(c.id()))));
        }
        campaigns.add(Report.CampaignRow.of(null, "No campaign", null, null, null,
                figures(leadsByCampaign.get(null), null, feesByCampaign.get(null))));

        Map<Object, long[]> leadsBySource = leadFigures("l.source", scope);
        Map<Object, BigDecimal> feesBySource = fees("l.source", scope);
        Set<String> sourceNames = new HashSet<>();
        leadsBySource.keySet().forEach(k -> sourceNames.add((String) k));
        feesBySource.keySet().forEach(k -> sourceNames.add((String) k));
        List<Report.SourceRow> sources = sourceNames.stream().sorted()
                .map(s -> Report.SourceRow.of(s, figures(leadsBySource.get(s), null, feesBySource.get(s))))
                .toList();

        long leads = leadsByCampaign.values().stream().mapToLong(f -> f[0]).sum();
        long conversions = leadsByCampaign.values().stream().mapToLong(f -> f[1]).sum();
        Map<Object, BigDecimal> allFees = fees("null", scope);
        Report.Row totals = Report.Row.of(new Figures(leads, conversions, Figures.money(totalSpend),
                Figures.money(allFees.getOrDefault(null, BigDecimal.ZERO))));
        return new Report(first, last, branch, campaigns, sources, totals);
    }

    /** The one branch the report is restricted to, or null for every branch. */
    private static UUID branchOf(UUID branchId, Caller caller) {
        if (branchId != null) {
            if (!caller.reaches(Optional.of(branchId))) {
                throw Problems.forbidden("You read the campaign report of your own branch only");
            }
            return branchId;
        }
        if (caller.seesAllBranches()) {
            return null;
        }
        return caller.branchId().orElseThrow(() -> Problems.forbidden(
                "The campaign report is read by staff of a branch or of head office"));
    }

    private static Figures figures(long[] counts, BigDecimal spend, BigDecimal fees) {
        return new Figures(counts == null ? 0 : counts[0], counts == null ? 0 : counts[1], spend,
                Figures.money(fees == null ? BigDecimal.ZERO : fees));
    }

    private static void addId(Set<UUID> ids, Object key) {
        if (key != null) {
            ids.add((UUID) key);
        }
    }

    /** Leads created in the range and conversions in it, by the key (a campaign, a source). */
    private Map<Object, long[]> leadFigures(String key, Scope scope) {
        Map<Object, long[]> figures = new HashMap<>();
        jdbc.sql("select " + key + " as k,"
                + " count(*) filter (where l.created_at >= :start and l.created_at < :end) as leads,"
                + " count(*) filter (where l.stage = 'CONVERTED' and l.converted_at >= :start"
                + "     and l.converted_at < :end) as conversions"
                + " from lead l"
                + " where ((l.created_at >= :start and l.created_at < :end)"
                + "     or (l.converted_at >= :start and l.converted_at < :end))" + scope.leads()
                + " group by " + key)
                .params(scope.params())
                .query(rs -> {
                    figures.put(rs.getObject("k"), new long[] {rs.getLong("leads"), rs.getLong("conversions")});
                });
        return figures;
    }

    /**
     * Fees received in the range and not reversed, from the students of converted leads since they
     * were converted (what an existing student paid before is not the campaign's), by the key (a
     * campaign, a source, or {@code null} for one total): each payment counts once per key.
     */
    private Map<Object, BigDecimal> fees(String key, Scope scope) {
        Map<Object, BigDecimal> fees = new HashMap<>();
        jdbc.sql("select converted.k, sum(p.amount) as fees"
                + " from (select " + key + " as k, l.student_id, min(l.converted_at) as since from lead l"
                + "       where l.stage = 'CONVERTED' and l.student_id is not null" + scope.leads()
                + "       group by 1, 2) converted"
                + " join payment_view p on p.student_id = converted.student_id"
                + " where p.received_at >= :start and p.received_at < :end and p.reversed_at is null"
                + " and p.received_at >= converted.since"
                + " group by converted.k")
                .params(scope.params())
                .query(rs -> {
                    fees.put(rs.getObject("k"), rs.getBigDecimal("fees"));
                });
        return fees;
    }

    /**
     * Spend for days in the range, by campaign, of the campaigns of the scope: what was entered here
     * (reversals included) and finance's expenses naming the campaign that count (recorded below the
     * approval threshold or approved) and were not reversed.
     */
    private Map<UUID, BigDecimal> spend(Scope scope) {
        Map<UUID, BigDecimal> spend = new HashMap<>();
        jdbc.sql("select s.campaign_id, sum(s.amount) as spend from ("
                + "select campaign_id, amount, spent_on from campaign_spend"
                + " union all select campaign_id, amount, spent_on from campaign_expense where counted and not reversed"
                + ") s"
                + " join campaign c on c.id = s.campaign_id"
                + " where s.spent_on between :from and :to" + scope.campaigns()
                + " group by s.campaign_id")
                .params(scope.params())
                .query(rs -> {
                    spend.put(rs.getObject("campaign_id", UUID.class), rs.getBigDecimal("spend"));
                });
        return spend;
    }

    private List<CampaignName> names(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, name, channel, status, branch_id from campaign where id in (:ids)")
                .param("ids", List.copyOf(ids))
                .query((rs, row) -> new CampaignName(rs.getObject("id", UUID.class), rs.getString("name"),
                        Channel.valueOf(rs.getString("channel")), Campaign.Status.valueOf(rs.getString("status")),
                        rs.getObject("branch_id", UUID.class)))
                .list().stream()
                .sorted(Comparator.comparing(CampaignName::name).thenComparing(CampaignName::id))
                .toList();
    }

    private record CampaignName(UUID id, String name, Channel channel, Campaign.Status status, UUID branchId) {
    }

    /** The days and instants of the range, and the branch (null: every branch). */
    private record Scope(LocalDate from, LocalDate to, Timestamp start, Timestamp end, UUID branch) {

        String leads() {
            return branch == null ? "" : " and l.branch_id = :branch";
        }

        String campaigns() {
            return branch == null ? "" : " and c.branch_id = :branch";
        }

        Map<String, Object> params() {
            Map<String, Object> params = new TreeMap<>();
            params.put("start", start);
            params.put("end", end);
            params.put("from", from);
            params.put("to", to);
            if (branch != null) {
                params.put("branch", branch);
            }
            return params;
        }
    }
}
