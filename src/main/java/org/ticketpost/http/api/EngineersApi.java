package org.ticketpost.http.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.ticketpost.desk.EngineerView;
import org.ticketpost.desk.Engineers;
import org.ticketpost.desk.Refused;
import org.ticketpost.desk.TicketActions;
import org.ticketpost.desk.TicketQueries;
import org.ticketpost.http.HttpRoutes;
import org.ticketpost.json.JsonText;
import org.ticketpost.json.TicketJson;

/**
 * The engineers' JSON API under /api: the tickets as tickets list and show give them, and the
 * changes engineers make, each recorded under the name of the engineer whose bearer token signed
 * the request. GET /api/openapi.json describes it and is open to all; every other route answers
 * signed-in engineers only. It works through the desk, as the command line does.
 */
public final class EngineersApi implements HttpRoutes {

    /** The changes, each POST /api/tickets/{number}/{name}. */
    static final List<TicketChange<?>> CHANGES = List.of(new StatusChange(), new SeverityChange(),
            new ReplyChange(), new AssignChange(), new CloseChange(), new EscalateChange());

    private final Engineers engineers;
    private final TicketQueries tickets;
    private final TicketActions actions;
    private final ObjectMapper json = JsonText.mapper();
    private final OpenApiDocument document = OpenApiDocument.load();

    public EngineersApi(Engineers engineers, TicketQueries tickets, TicketActions actions) {
        this.engineers = engineers;
        this.tickets = tickets;
        this.actions = actions;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/openapi.json", context -> context.contentType("application/json").result(document.json()));
        routes.get("/api/tickets", signedIn((context, engineer) ->
                context.json(tickets.list(TicketListParameters.read(context.queryParamMap())))));
        routes.get("/api/tickets/{number}", signedIn((context, engineer) ->
                context.json(TicketJson.of(tickets.show(context.pathParam("number"))))));
        for (TicketChange<?> change : CHANGES) {
            routes.post("/api/tickets/{number}/" + change.name(), signedIn((context, engineer) -> apply(change, context, engineer)));
        }
    }

    @Override
    public String shown() {
        return "/api";
    }

    private SignedIn signedIn(EngineerRequest request) {
        return new SignedIn(engineers, request);
    }

    private <B> void apply(TicketChange<B> change, Context context, EngineerView engineer) throws Refused, BadRequest {
        B body = body(context, change);
        context.json(change.apply(actions, context.pathParam("number"), body, engineer.name()));
    }

    private <B> B body(Context context, TicketChange<B> change) throws BadRequest {
        String text = context.body();
        if (text.isBlank() && change.bodyOptional()) {
            text = "{}";
        }
        if (text.isBlank()) {
            throw new BadRequest("the request has no body; it takes a JSON object");
        }
        try {
            B body = json.readValue(text, change.body());
            if (body == null) {
                throw new BadRequest("the body is null; it must be a JSON object");
            }
            return body;
        } catch (UnrecognizedPropertyException e) {
            throw new BadRequest("the body has a key '" + e.getPropertyName() + "' this request does not know");
        } catch (JsonProcessingException e) {
            throw new BadRequest("the body is not the JSON object this request takes: " + e.getOriginalMessage());
        }
    }
}
