package org.ticketpost.ops;

/**
 * The health of a part that learns it from its own work rather than by asking: a sender that
 * last reached its server, a reader that lost its connection. The part sets it; checks read it.
 */
public final class PartState implements HealthCheck {

    private volatile Health health;

    /** @param initially how the part is before it has worked, such as "nothing sent yet" */
    public PartState(Health initially) {
        this.health = initially;
    }

    public void up(String detail) {
        health = Health.up(detail);
    }

    public void down(String detail) {
        health = Health.down(detail);
    }

    @Override
    public Health check() {
        return health;
    }
}
