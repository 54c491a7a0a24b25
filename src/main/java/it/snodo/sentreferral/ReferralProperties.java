package it.snodo.sentreferral;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sent referrals.
 *
 * @param answerWithin how long a service has to answer: a referral still SENT after it is overdue
 * @param retention how long a closed referral is kept before the retention job folds it into the
 *     monthly counts and deletes it
 *     (when the job runs is {@code snodo.referrals.retention-cron}, read by the job's own
 *     {@code @Scheduled}: see {@link ReferralRetention#daily()})
 */
@ConfigurationProperties("snodo.referrals")
public record ReferralProperties(
        @DefaultValue("P5D") Duration answerWithin,
        @DefaultValue("P2Y") Period retention) {}
