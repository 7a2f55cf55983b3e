package dev.coachos.finance.expense;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code coachos.finance}: how expenses are recorded and approved.
 *
 * @param expenseCategories    the categories an expense may have (default RENT, UTILITIES, MARKETING,
 *                             OPERATIONAL, EQUIPMENT, SALARIES_OTHER, TRAVEL, OTHER)
 * @param expenseApprovalAbove an expense of more than this needs approval before it counts (default 25000.00)
 * @param expenseApproverRoles the roles that may approve one (default GENERAL_MANAGER, DIRECTOR)
 */
@ConfigurationProperties("coachos.finance")
public record ExpenseSettings(List<String> expenseCategories, BigDecimal expenseApprovalAbove,
        List<String> expenseApproverRoles) {

    public ExpenseSettings {
        expenseCategories = upper(expenseCategories, List.of("RENT", "UTILITIES", "MARKETING", "OPERATIONAL",
                "EQUIPMENT", "SALARIES_OTHER", "TRAVEL", "OTHER"));
        expenseApproverRoles = upper(expenseApproverRoles, List.of("GENERAL_MANAGER", "DIRECTOR"));
        expenseApprovalAbove = expenseApprovalAbove == null ? new BigDecimal("25000.00") : expenseApprovalAbove;
        if (expenseApprovalAbove.signum() < 0 || expenseApprovalAbove.scale() > 2) {
            throw new IllegalArgumentException(
                    "coachos.finance.expense-approval-above must be an amount of rupees and paise, not negative");
        }
        if (expenseCategories.stream().anyMatch(c -> c.length() > 40)) {
            throw new IllegalArgumentException("coachos.finance.expense-categories: a category has at most 40 characters");
        }
    }

    private static List<String> upper(List<String> given, List<String> fallback) {
        List<String> values = given == null ? List.of() : given.stream().filter(v -> v != null && !v.isBlank())
                .map(v -> v.strip().toUpperCase(Locale.ROOT)).distinct().toList();
        return values.isEmpty() ? fallback : values;
    }
}
