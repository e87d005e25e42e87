package org.ticketpost.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One SLA clock of a ticket, as stored in ticket_clock: a due-at timestamp while it runs, the
 * counted time left while it is paused or stopped, and what the SLA scheduler does next
 * ({@code next_alert_at}: the warning, then the breach, then nothing). A value: every change
 * gives a new clock, counted on its target's calendar.
 */
@Embeddable
public class TicketClock {

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private ClockState state;

    /** The counted time the current period allows: a severity change measures what was used against it. */
    @Column(name = "allowed_seconds", nullable = false)
    private long allowedSeconds;

    /** While running, when it runs out; once met, when it was due. */
    @Column(name = "due_at")
    private Instant dueAt;

    /** Unless running, the counted time that was left; negative when it had run out. */
    @Column(name = "left_seconds")
    private Long leftSeconds;

    @Column(name = "stopped_at")
    private Instant stoppedAt;

    @Column(name = "warn_at")
    private Instant warnAt;

    @Column(name = "warned_at")
    private Instant warnedAt;

    @Column(name = "breached_at")
    private Instant breachedAt;

    /** The warning until it is recorded, then the breach until it is recorded; none unless running. */
    @Column(name = "next_alert_at")
    private Instant nextAlertAt;

    protected TicketClock() {
    }

    /** A clock running from {@code now} with the whole of the target. */
    static TicketClock start(ClockTarget target, int warnAtPercent, Instant now) {
        return running(target, warnAtPercent, now, target.allowed(), target.allowed(), null, null);
    }

    private static TicketClock running(ClockTarget target, int warnAtPercent, Instant now, Duration allowed, Duration left,
            Instant warnedAt, Instant breachedAt) {
        TicketClock clock = new TicketClock();
        clock.state = ClockState.RUNNING;
        clock.allowedSeconds = allowed.toSeconds();
        clock.dueAt = target.deadline(now, left);
        Duration keptForWarning = allowed.multipliedBy(100L - warnAtPercent).dividedBy(100);
        Duration untilWarning = left.minus(keptForWarning);
        clock.warnAt = untilWarning.isNegative() ? now : target.deadline(now, untilWarning);
        clock.warnedAt = warnedAt;
        clock.breachedAt = breachedAt;
        clock.nextAlertAt = warnedAt == null ? clock.warnAt : breachedAt == null ? clock.dueAt : null;
        return clock;
    }

    private TicketClock halted(ClockState newState, Duration left, Instant now) {
        TicketClock clock = new TicketClock();
        clock.state = newState;
        clock.allowedSeconds = allowedSeconds;
        clock.dueAt = newState == ClockState.MET ? dueAt : null;
        clock.leftSeconds = left.toSeconds();
        clock.stoppedAt = newState == ClockState.PAUSED ? null : now;
        clock.warnedAt = warnedAt;
        clock.breachedAt = breachedAt;
        return clock;
    }

    /** The counted time left at {@code now}; negative once it has run out. */
    Duration left(ClockTarget target, Instant now) {
        return state == ClockState.RUNNING ? target.elapsed(now, dueAt) : Duration.ofSeconds(leftSeconds);
    }

    /** The ticket waits for the customer: the time left is kept. */
    TicketClock paused(ClockTarget target, Instant now) {
        return halted(ClockState.PAUSED, left(target, now), now);
    }

    /** The ticket is resolved or closed: the time left is kept, for a reopened ticket. */
    TicketClock stopped(ClockTarget target, Instant now) {
        return halted(ClockState.STOPPED, left(target, now), now);
    }

    /** The target is reached: in time when something was left. */
    TicketClock met(ClockTarget target, Instant now) {
        return halted(ClockState.MET, left(target, now), now);
    }

    /** Runs again with the time that was left. */
    TicketClock resumed(ClockTarget target, int warnAtPercent, Instant now) {
        return running(target, warnAtPercent, now, allowed(), Duration.ofSeconds(leftSeconds), warnedAt, breachedAt);
    }

    /**
     * The ticket's target changed: what it used of the old one, counted on the old calendar, is
     * used of the new one, as if the new target had applied from the start. A met clock stays met.
     */
    TicketClock retargeted(ClockTarget old, ClockTarget target, int warnAtPercent, Instant now) {
        if (state == ClockState.MET) {
            return this;
        }
        Duration used = allowed().minus(left(old, now));
        Duration left = target.allowed().minus(used);
        TicketClock running = running(target, warnAtPercent, now, target.allowed(), left, null, null);
        return state == ClockState.RUNNING ? running : running.halted(state, left, now);
    }

    /** Whether a warning or a breach is due by {@code now} and not yet recorded. */
    boolean alertDue(Instant now) {
        return state == ClockState.RUNNING && nextAlertAt != null && !nextAlertAt.isAfter(now);
    }

    /**
     * The alert due now, recorded: the warning, after which the breach is next; or the breach, once
     * the clock has run out, which settles a warning not recorded in time too (no "due in" for a
     * clock that is overdue already), so that nothing is next.
     */
    TicketClock alerted(Instant now) {
        TicketClock clock = copy();
        boolean breach = !now.isBefore(dueAt);
        clock.warnedAt = warnedAt == null ? now : warnedAt;
        clock.breachedAt = breach ? now : null;
        clock.nextAlertAt = breach ? null : dueAt;
        return clock;
    }

    private TicketClock copy() {
        TicketClock clock = new TicketClock();
        clock.state = state;
        clock.allowedSeconds = allowedSeconds;
        clock.dueAt = dueAt;
        clock.leftSeconds = leftSeconds;
        clock.stoppedAt = stoppedAt;
        clock.warnAt = warnAt;
        clock.warnedAt = warnedAt;
        clock.breachedAt = breachedAt;
        clock.nextAlertAt = nextAlertAt;
        return clock;
    }

    public Optional<Instant> warnedAt() {
        return Optional.ofNullable(warnedAt);
    }

    public Optional<Instant> breachedAt() {
        return Optional.ofNullable(breachedAt);
    }

    public ClockState state() {
        return state;
    }

    /** Missed: run out while running, or met, paused or stopped with nothing left. */
    public boolean breached(Instant now) {
        return state == ClockState.RUNNING ? now.isAfter(dueAt) : leftSeconds < 0;
    }

    /** When it runs out; none while paused. */
    public Optional<Instant> due() {
        return Optional.ofNullable(dueAt);
    }

    /** The counted time left while paused. */
    public Optional<Duration> leftWhilePaused() {
        return state == ClockState.PAUSED ? Optional.of(Duration.ofSeconds(leftSeconds)) : Optional.empty();
    }

    /** When it was met or stopped. */
    public Optional<Instant> stoppedAt() {
        return Optional.ofNullable(stoppedAt);
    }

    public Optional<Instant> nextAlertAt() {
        return Optional.ofNullable(nextAlertAt);
    }

    public Optional<Instant> warnAt() {
        return Optional.ofNullable(warnAt);
    }

    Duration allowed() {
        return Duration.ofSeconds(allowedSeconds);
    }

    /** As the history records it: the due time, or the time left while paused. */
    String shown() {
        return switch (state) {
            case RUNNING -> dueAt.toString();
            case PAUSED -> "paused, " + Duration.ofSeconds(leftSeconds) + " left";
            case MET -> "met";
            case STOPPED -> "stopped";
        };
    }
}
