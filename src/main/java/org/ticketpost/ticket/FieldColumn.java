package org.ticketpost.ticket;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The template fields a ticket keeps in columns of its own, each by its name in
 * templates/support-template.yaml, in the order a ticket lists them: the one place where Java
 * names template fields. Any other field of the template is kept in ticket_field. The template
 * is data, but a field renamed there would leave its column empty and go to ticket_field
 * unnoticed, so a template that lacks one of these names is refused at start.
 */
public enum FieldColumn {
    /** Kept as the ticket's support key. */
    SUPPORT_KEY("supportKey"),
    SERVER("server"),
    SERVER_VERSION("serverVersion"),
    DISTRIBUTION("distribution"),
    GUI_VERSION("guiVersion"),
    MODULE("module"),
    /** Kept as the ticket's severity, a number. */
    SEVERITY("severity"),
    TRACK_ID("trackId"),
    PRODUCT("product"),
    COMPONENT("component"),
    STEPS_TO_REPRODUCE("stepsToReproduce"),
    CURRENT_BEHAVIOUR("currentBehaviour"),
    EXPECTED_BEHAVIOUR("expectedBehaviour");

    private final String field;

    FieldColumn(String field) {
        this.field = field;
    }

    /** The name of the template field that fills this column. */
    public String field() {
        return field;
    }

    static Optional<FieldColumn> of(String field) {
        return Arrays.stream(values()).filter(column -> column.field.equals(field)).findFirst();
    }

    /** The columns for which a template with these field names has no field. */
    public static List<FieldColumn> missingFrom(Collection<String> fieldNames) {
        return Arrays.stream(values()).filter(column -> !fieldNames.contains(column.field)).toList();
    }
}
