package dev.coachos.marketing.campaign;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.platform.data.PagedQuery;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.data.Where;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;

/**
 * Campaigns and their spend. Staff of a branch see their branch's campaigns and head office's (no
 * branch), and change only their branch's; callers who see every branch see and change all. To
 * anyone else a campaign does not exist (404). Spend is entered as positive entries and corrected
 * by reversal entries; nothing is deleted.
 */
@Service
public class Campaigns {

    private static final Sorting SORTING = Sorting.of(Map.of(
            "name", "c.name",
            "createdAt", "c.created_at",
            "startDate", "c.start_date",
            "budget", "c.budget"), "c.created_at desc", "c.id desc").nullsLast("startDate", "budget");

    private static final Sorting SPEND_SORTING = Sorting.of(Map.of(
            "spentOn", "s.spent_on",
            "recordedAt", "s.recorded_at"), "s.spent_on desc, s.recorded_at desc", "s.id desc");

    private final JdbcClient jdbc;
    private final Clock clock;

    Campaigns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Makes a DRAFT campaign of the caller's branch, or of the branch (or head office) it names within reach. */
    @Transactional
    public Campaign create(NewCampaign campaign, Caller caller) {
        UUID branch = campaign.branchId() != null ? campaign.branchId()
                : caller.seesAllBranches() ? null : caller.branchId().orElse(null);
        requireWritable(Optional.ofNullable(branch), caller, "branchId");
        requireOrdered(campaign.startDate(), campaign.endDate());
        UUID id = UuidV7.next();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into campaign (id, name, channel, status, budget, start_date, end_date, target_audience,
                                      branch_id, created_by, created_at, updated_at, version)
                values (?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(id, campaign.name().strip(), campaign.channel().name(), money(campaign.budget()),
                        campaign.startDate(), campaign.endDate(), blankToNull(campaign.targetAudience()), branch,
                        caller.userId(), now, now)
                .update();
        return find(id).orElseThrow();
    }

    /** One campaign the caller sees, with its spend total and lead count. */
    @Transactional(readOnly = true)
    public Campaign get(UUID id, Caller caller) {
        return visible(id, caller);
    }

    /** The campaigns the caller sees, filtered by status, channel, branch and a text in the name. */
    @Transactional(readOnly = true)
    public PageResponse<Campaign> list(Filter filter, Caller caller, Paging paging) {
        Where where = Where.always();
        if (!caller.seesAllBranches()) {
            if (caller.branchId().isPresent()) {
                where.and("c.branch_id is null or c.branch_id = :own", "own", caller.branchId().get());
            } else {
                where.and("c.branch_id is null");
            }
        }
        where.andIfPresent(filter.status() == null ? null : filter.status().name(), "c.status = :status", "status");
        where.andIfPresent(filter.channel() == null ? null : filter.channel().name(), "c.channel = :channel",
                "channel");
        where.andIfPresent(filter.branchId(), "c.branch_id = :branch", "branch");
        if (filter.q() != null && !filter.q().isBlank()) {
            where.and("c.name ilike :q escape '\\'", "q", "%" + likeEscaped(filter.q().strip()) + "%");
        }
        return PagedQuery.page(jdbc, Campaign.COLUMNS, "campaign c", where, SORTING, paging, Campaign::read);
    }

    /** Changes the fields given of a campaign that is not COMPLETED, if nobody changed it since the client read it. */
    @Transactional
    public Campaign change(UUID id, CampaignChange change, Caller caller) {
        Campaign campaign = lockWritable(id, caller);
        if (campaign.status() == Campaign.Status.COMPLETED) {
            throw Problems.conflict("The campaign is COMPLETED; it no longer changes");
        }
        if (campaign.version() != change.version()) {
            throw Problems.conflict("The campaign was changed by someone else (it is at version "
                    + campaign.version() + ", not " + change.version() + "); reload it and try again");
        }
        if (change.name() != null && change.name().isBlank()) {
            throw Problems.invalidField("name", "must not be blank");
        }
        UUID branch = campaign.branchId();
        if (change.branchId() != null && !change.branchId().equals(branch)) {
            requireWritable(Optional.of(change.branchId()), caller, "branchId");
            branch = change.branchId();
        }
        LocalDate start = change.startDate() != null ? change.startDate() : campaign.startDate();
        LocalDate end = change.endDate() != null ? change.endDate() : campaign.endDate();
        requireOrdered(start, end);
        jdbc.sql("""
                update campaign set name = ?, channel = ?, budget = ?, start_date = ?, end_date = ?,
                                    target_audience = ?, branch_id = ?, updated_at = ?, version = version + 1
                where id = ?""")
                .params(change.name() == null ? campaign.name() : change.name().strip(),
                        (change.channel() == null ? campaign.channel() : change.channel()).name(),
                        change.budget() == null ? campaign.budget() : money(change.budget()), start, end,
                        change.targetAudience() == null ? campaign.targetAudience()
                                : blankToNull(change.targetAudience()),
                        branch, Timestamp.from(clock.instant()), id)
                .update();
        return find(id).orElseThrow();
    }

    /** Moves a campaign on (see {@link Campaign.Status}); the status it already has changes nothing. */
    @Transactional
    public Campaign changeStatus(UUID id, Campaign.Status status, Caller caller) {
        Campaign campaign = lockWritable(id, caller);
        if (campaign.status() == status) {
            return campaign;
        }
        if (!campaign.status().mayBecome(status)) {
            throw Problems.conflict("A campaign cannot move from " + campaign.status() + " to " + status);
        }
        jdbc.sql("update campaign set status = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(status.name(), Timestamp.from(clock.instant()), id).update();
        return find(id).orElseThrow();
    }

    /** Enters money spent on a campaign the caller may change. */
    @Transactional
    public SpendEntry spend(UUID campaignId, NewSpend spend, Caller caller) {
        lockWritable(campaignId, caller);
        UUID id = UuidV7.next();
        jdbc.sql("""
                insert into campaign_spend (id, campaign_id, amount, spent_on, note, reverses, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, null, ?, ?)""")
                .params(id, campaignId, money(spend.amount()), spend.spentOn(), blankToNull(spend.note()),
                        caller.userId(), Timestamp.from(clock.instant()))
                .update();
        return findSpend(campaignId, id).orElseThrow();
    }

    /** The spend entries of a campaign the caller sees, latest day first. */
    @Transactional(readOnly = true)
    public PageResponse<SpendEntry> spendOf(UUID campaignId, Caller caller, Paging paging) {
        visible(campaignId, caller);
        return PagedQuery.page(jdbc, SpendEntry.COLUMNS, SpendEntry.FROM,
                Where.always().and("s.campaign_id = :campaign", "campaign", campaignId), SPEND_SORTING, paging,
                SpendEntry::read);
    }

    /**
     * Reverses a spend entry by a negative entry of the same amount on the same day (so a report of
     * any range counts neither), naming the entry it reverses. An entry is reversed once; a reversal
     * is not reversed.
     */
    @Transactional
    public SpendEntry reverse(UUID campaignId, UUID spendId, String reason, Caller caller) {
        lockWritable(campaignId, caller);
        SpendEntry entry = findSpend(campaignId, spendId).orElseThrow(() -> Problems.notFound("spend entry", spendId));
        if (entry.reverses() != null) {
            throw Problems.conflict("The entry " + spendId + " is itself a reversal; it is not reversed");
        }
        if (entry.reversedBy() != null) {
            throw Problems.conflict("The entry " + spendId + " was already reversed by " + entry.reversedBy());
        }
        UUID id = UuidV7.next();
        jdbc.sql("""
                insert into campaign_spend (id, campaign_id, amount, spent_on, note, reverses, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, campaignId, entry.amount().negate(), entry.spentOn(), reason.strip(), spendId,
                        caller.userId(), Timestamp.from(clock.instant()))
                .update();
        return findSpend(campaignId, id).orElseThrow();
    }

    /** The filters of the list; each null one does not filter. */
    public record Filter(Campaign.Status status, Channel channel, UUID branchId, String q) {
    }

    /** Whether the caller sees campaigns of this branch (empty: head office's, seen by every member of staff). */
    static boolean sees(Optional<UUID> branch, Caller caller) {
        return branch.isEmpty() || caller.reaches(branch);
    }

    /** Whether the caller changes campaigns of this branch: head office's only by those who see every branch. */
    static boolean changes(Optional<UUID> branch, Caller caller) {
        return branch.isEmpty() ? caller.seesAllBranches() : caller.reaches(branch);
    }

    private static void requireWritable(Optional<UUID> branch, Caller caller, String field) {
        if (!changes(branch, caller)) {
            throw Problems.forbidden(branch.isEmpty()
                    ? "Only staff who see every branch run head office's campaigns; give your branch as " + field
                    : "You run campaigns of your own branch only: " + field + " " + branch.get() + " is not yours");
        }
    }

    private static void requireOrdered(LocalDate start, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw Problems.invalidField("endDate", "must not be before the startDate " + start);
        }
    }

    private Campaign visible(UUID id, Caller caller) {
        return find(id).filter(c -> sees(c.branch(), caller)).orElseThrow(() -> Problems.notFound("campaign", id));
    }

    private Campaign lockWritable(UUID id, Caller caller) {
        Campaign campaign = jdbc.sql("select " + Campaign.COLUMNS + " from campaign c where c.id = ? for update")
                .param(id).query(Campaign::read).optional().filter(c -> sees(c.branch(), caller))
                .orElseThrow(() -> Problems.notFound("campaign", id));
        if (!changes(campaign.branch(), caller)) {
            throw Problems.forbidden("Only staff who see every branch change head office's campaigns");
        }
        return campaign;
    }

    private Optional<Campaign> find(UUID id) {
        return jdbc.sql("select " + Campaign.COLUMNS + " from campaign c where c.id = ?").param(id)
                .query(Campaign::read).optional();
    }

    private Optional<SpendEntry> findSpend(UUID campaignId, UUID id) {
        return jdbc.sql("select " + SpendEntry.COLUMNS + " from " + SpendEntry.FROM
                + " where s.id = ? and s.campaign_id = ?").params(id, campaignId).query(SpendEntry::read).optional();
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : Figures.money(amount);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
