package org.ticketpost.form;

/** What a template field accepts; everything else about a field is data in templates/. */
public enum FieldType {
    /** A support key: upper-cased and checked against the template's format. */
    KEY,
    /** The URL or host name of a machine. */
    SERVER,
    /** 1 to 4, by number, name or both. */
    SEVERITY,
    /** One value of a fixed list, in the list's spelling. */
    CHOICE,
    /** Free text, kept as written. */
    TEXT
}
