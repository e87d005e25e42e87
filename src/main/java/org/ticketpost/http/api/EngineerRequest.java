package org.ticketpost.http.api;

import io.javalin.http.Context;
import org.ticketpost.desk.EngineerView;
import org.ticketpost.desk.Refused;

/** What a route does for an engineer who proved who they are: the one the history names for a change. */
@FunctionalInterface
interface EngineerRequest {

    void handle(Context context, EngineerView engineer) throws Refused, BadRequest;
}
