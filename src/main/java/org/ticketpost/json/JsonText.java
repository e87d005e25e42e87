package org.ticketpost.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.function.Function;
import org.ticketpost.desk.ClockView;
import org.ticketpost.desk.KeyView;
import org.ticketpost.desk.OutboxView;
import org.ticketpost.form.Problem;
import org.ticketpost.ticket.Status;
import org.ticketpost.ticket.TicketNumber;

/**
 * The JSON Ticketpost writes, on the command line and over HTTP alike: records bound by Jackson.
 * Times are ISO-8601 text ("2026-11-16T08:20:00Z", "2027-12-31"), an empty Optional is null, and
 * the domain's values are written as people read them: a ticket number as its digits, a status as
 * "waiting for customer", a problem code as "not_allowed", a key's state as "active", an outbox
 * entry's as "bounced". What it reads it reads strictly: an unknown key, or a number given as
 * text, is refused rather than guessed at.
 */
public final class JsonText {

    private static final ObjectMapper MAPPER = build();

    private JsonText() {
    }

    /** A mapper of its own for a library that writes and reads JSON itself, such as the HTTP server. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    /** One line, as a program reads a line per result. */
    public static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records of text, numbers and times are always JSON", e);
        }
    }

    /** Indented, for a document a person may read too. */
    public static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records of text, numbers and times are always JSON", e);
        }
    }

    private static ObjectMapper build() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(new SimpleModule("ticketpost values")
                        .addSerializer(TicketNumber.class, written(TicketNumber::digits))
                        .addSerializer(Status.class, written(Status::label))
                        .addSerializer(Problem.Code.class, written(Problem.Code::id))
                        .addSerializer(KeyView.State.class, written(KeyView.State::label))
                        .addSerializer(OutboxView.State.class, written(OutboxView.State::label))
                        .addSerializer(ClockView.class, new ClockSerializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    private static <T> JsonSerializer<T> written(Function<T, String> text) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(text.apply(value));
            }
        };
    }

    /** {"name": "firstResponse", "state": "running", "due": "2026-11-16T09:15:00Z", "remainingSeconds": 2700}. */
    private static final class ClockSerializer extends JsonSerializer<ClockView> {
        @Override
        public void serialize(ClockView clock, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeStartObject();
            generator.writeStringField("name", clock.name().label());
            generator.writeStringField("state", clock.state().label());
            generator.writeStringField("due", clock.due().map(Object::toString).orElse(null));
            generator.writeFieldName("remainingSeconds");
            if (clock.remaining().isPresent()) {
                generator.writeNumber(clock.remaining().get().toSeconds());
            } else {
                generator.writeNull();
            }
            generator.writeEndObject();
        }
    }
}
