package org.ticketpost.mail;

import java.nio.charset.Charset;
import java.util.Optional;
import org.apache.james.mime4j.stream.Field;

/** Content-Type and Content-Disposition of one MIME part, with their parameters decoded. */
final class PartFields {

    private static final MimeParameters NONE = MimeParameters.parse(new byte[0]);

    private MimeParameters contentType = NONE;
    private MimeParameters disposition = NONE;

    void reset() {
        contentType = NONE;
        disposition = NONE;
    }

    void add(Field field) {
        String name = field.getNameLowerCase();
        if (name.equals("content-type") && contentType == NONE) {
            contentType = MimeParameters.parse(TopHeaders.valueBytes(field));
        } else if (name.equals("content-disposition") && disposition == NONE) {
            disposition = MimeParameters.parse(TopHeaders.valueBytes(field));
        }
    }

    /** The media type of Content-Type in lower case, or empty when the part has none. */
    String mimeType() {
        return contentType.value();
    }

    /** "attachment", "inline", or empty when the part has no Content-Disposition. */
    String dispositionType() {
        return disposition.value();
    }

    /**
     * The file name from Content-Disposition, else the old name parameter of Content-Type, without any folder.
     *
     * @param rawCharset the charset for raw 8-bit bytes in the name that are not UTF-8
     */
    Optional<String> fileName(Charset rawCharset) {
        Charset raw = contentTypeParameter("charset").flatMap(CharsetLabels::charset).map(CharsetLabels::forRawBytes)
                .orElse(rawCharset);
        return disposition.get("filename", raw)
                .or(() -> contentType.get("name", raw))
                .map(name -> HeaderText.oneLine(name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)).strip())
                .filter(name -> !name.isEmpty());
    }

    Optional<String> contentTypeParameter(String name) {
        return contentType.get(name, TextDecoding.FALLBACK);
    }
}
