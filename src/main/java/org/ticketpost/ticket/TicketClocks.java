package org.ticketpost.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of a ticket's clocks, on the clocks of one ticket at its service level: they open
 * with the ticket, follow its status, and count again when its severity changes.
 */
final class TicketClocks {

    /** A clock whose due time a change moved: the history records both. */
    record Moved(ClockName clock, String before, String after) {
    }

    private final Map<ClockName, TicketClock> clocks;
    private final ServiceLevel level;

    TicketClocks(Map<ClockName, TicketClock> clocks, ServiceLevel level) {
        this.clocks = clocks;
        this.level = level;
    }

    /** A clock for each target the level sets; none for an absent target. */
    void open(Instant now) {
        for (ClockName name : ClockName.values()) {
            level.target(name).map(target -> TicketClock.start(target, level.warnAtPercent(), now))
                    .ifPresent(clock -> clocks.put(name, clock));
        }
    }

    /** Waiting for the customer pauses the running clocks; open again resumes them; resolved or closed stops them. */
    void follow(Status status, Instant now) {
        clocks.replaceAll((name, clock) -> {
            ClockTarget target = target(name);
            if (status == Status.WAITING_FOR_CUSTOMER) {
                return clock.state() == ClockState.RUNNING ? clock.paused(target, now) : clock;
            }
            if (status.isOpen()) {
                boolean halted = clock.state() == ClockState.PAUSED || clock.state() == ClockState.STOPPED;
                return halted ? clock.resumed(target, level.warnAtPercent(), now) : clock;
            }
            boolean counting = clock.state() == ClockState.RUNNING || clock.state() == ClockState.PAUSED;
            return counting ? clock.stopped(target, now) : clock;
        });
    }

    /**
     * The customer was answered: the first-response clock is met, in time or late, and the update
     * clock starts over (paused, while the ticket waits for the customer).
     *
     * @return the first-response clock, when this answer met it
     */
    Optional<TicketClock> answered(Status status, Instant now) {
        Optional<TicketClock> met = Optional.ofNullable(clocks.get(ClockName.FIRST_RESPONSE))
                .filter(clock -> clock.state() == ClockState.RUNNING || clock.state() == ClockState.PAUSED)
                .map(clock -> clock.met(target(ClockName.FIRST_RESPONSE), now));
        met.ifPresent(clock -> clocks.put(ClockName.FIRST_RESPONSE, clock));
        TicketClock update = clocks.get(ClockName.UPDATE);
        if (update != null && update.state() != ClockState.STOPPED) {
            ClockTarget target = target(ClockName.UPDATE);
            TicketClock fresh = TicketClock.start(target, level.warnAtPercent(), now);
            clocks.put(ClockName.UPDATE, status == Status.WAITING_FOR_CUSTOMER ? fresh.paused(target, now) : fresh);
        }
        return met;
    }

    /**
     * The clocks at another service level, as if it had applied from the ticket's start: each
     * keeps what it used; a clock the new level has no target for goes, one it adds starts now.
     *
     * @return the clocks whose due time moved
     */
    List<Moved> retarget(ServiceLevel next, Status status, Instant now) {
        List<Moved> moved = new ArrayList<>();
        for (ClockName name : ClockName.values()) {
            TicketClock before = clocks.get(name);
            Optional<TicketClock> after = next.target(name).map(target -> before == null
                    ? added(TicketClock.start(target, next.warnAtPercent(), now), target, status, now)
                    : before.retargeted(target(name), target, next.warnAtPercent(), now));
            after.ifPresentOrElse(clock -> clocks.put(name, clock), () -> clocks.remove(name));
            String shownBefore = before == null ? "none" : before.shown();
            String shownAfter = after.map(TicketClock::shown).orElse("none");
            if (!shownBefore.equals(shownAfter)) {
                moved.add(new Moved(name, shownBefore, shownAfter));
            }
        }
        return moved;
    }

    /** Records the warning or the breach each running clock has due by now, in the order of {@link ClockName}. */
    List<SlaAlert> alert(Instant now) {
        List<SlaAlert> alerts = new ArrayList<>();
        for (ClockName name : ClockName.values()) {
            TicketClock clock = clocks.get(name);
            if (clock != null && clock.alertDue(now)) {
                TicketClock alerted = clock.alerted(now);
                clocks.put(name, alerted);
                ClockTarget target = target(name);
                Duration left = clock.left(target, now);
                long used = clock.allowed().isZero() ? 100
                        : clock.allowed().minus(left).toSeconds() * 100 / clock.allowed().toSeconds();
                alerts.add(new SlaAlert(name, alerted.breachedAt().isPresent(), clock.due().orElseThrow(), left, used));
            }
        }
        return alerts;
    }

    /** The nearest due time of a running clock: what the engineers' list sorts by. */
    Optional<Instant> nextDue() {
        return clocks.values().stream()
                .filter(clock -> clock.state() == ClockState.RUNNING)
                .flatMap(clock -> clock.due().stream())
                .min(Instant::compareTo);
    }

    /** A clock added to a ticket that is not open starts as its status has the others. */
    private static TicketClock added(TicketClock clock, ClockTarget target, Status status, Instant now) {
        if (status == Status.WAITING_FOR_CUSTOMER) {
            return clock.paused(target, now);
        }
        return status.isOpen() ? clock : clock.stopped(target, now);
    }

    private ClockTarget target(ClockName name) {
        return level.target(name).orElseThrow(() -> new IllegalStateException(name.label() + " clock without a target"));
    }
}
