package dev.coachos.assessment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code coachos.assessment}: how attempts end.
 *
 * @param grace      writes to an attempt are taken until its deadline plus this (default 60 s)
 * @param sweepEvery how often attempts whose time ran out are submitted (default 30 s)
 * @param sweepBatch how many overdue attempts one transaction of the sweep submits (default 200)
 */
@ConfigurationProperties("coachos.assessment")
public record AssessmentSettings(Duration grace, Duration sweepEvery, Integer sweepBatch) {

    public AssessmentSettings {
        grace = grace == null ? Duration.ofSeconds(60) : grace;
        sweepEvery = sweepEvery == null ? Duration.ofSeconds(30) : sweepEvery;
        sweepBatch = sweepBatch == null ? 200 : sweepBatch;
        if (grace.isNegative() || sweepEvery.isNegative() || sweepEvery.isZero() || sweepBatch < 1) {
            throw new IllegalArgumentException("coachos.assessment: grace must not be negative, the sweep's period "
                    + "and batch must be positive");
        }
    }
}
