package org.ticketpost.ops;

import java.util.Objects;

/**
 * How one part of the service is, as its check answers: up or down, and in words what it is
 * connected to or what is wrong, for the operator to read.
 */
public record Health(boolean up, String detail) {

    public Health {
        Objects.requireNonNull(detail, "detail");
    }

    public static Health up(String detail) {
        return new Health(true, detail);
    }

    public static Health down(String detail) {
        return new Health(false, detail);
    }
}
