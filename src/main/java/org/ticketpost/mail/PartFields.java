package org.ticketpost.mail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.ByteArrayBuffer;
import org.apache.james.mime4j.util.ByteSequence;
import org.apache.james.mime4j.util.MimeParameterMapping;

/** Content-Type and Content-Disposition of one MIME part, with RFC 2231 and RFC 2047 parameters decoded. */
final class PartFields {

    private RawBody contentType;
    private RawBody disposition;

    void reset() {
        contentType = null;
        disposition = null;
    }

    void add(Field field) {
        String name = field.getNameLowerCase();
        if (name.equals("content-type") && contentType == null) {
            contentType = parse(field);
        } else if (name.equals("content-disposition") && disposition == null) {
            disposition = parse(field);
        }
    }

    /** "attachment", "inline", or empty when the part has no Content-Disposition. */
    String dispositionType() {
        return disposition == null || disposition.getValue() == null ? "" : disposition.getValue().strip().toLowerCase(Locale.ROOT);
    }

    /** The file name from Content-Disposition, else the old name parameter of Content-Type, without any folder. */
    Optional<String> fileName() {
        return parameter(disposition, "filename")
                .or(() -> parameter(contentType, "name"))
                .map(name -> DecoderUtil.decodeEncodedWords(name, DecodeMonitor.SILENT, TextDecoding.FALLBACK))
                .map(name -> name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip())
                .filter(name -> !name.isEmpty());
    }

    Optional<String> contentTypeParameter(String name) {
        return parameter(contentType, name);
    }

    private static Optional<String> parameter(RawBody body, String name) {
        if (body == null) {
            return Optional.empty();
        }
        MimeParameterMapping mapping = new MimeParameterMapping();
        for (NameValuePair pair : body.getParams()) {
            if (pair.getName() != null && pair.getValue() != null) {
                mapping.addParameter(pair.getName().toLowerCase(Locale.ROOT), pair.getValue());
            }
        }
        return Optional.ofNullable(mapping.get(name));
    }

    private static RawBody parse(Field field) {
        ByteSequence raw = field.getRaw();
        byte[] bytes = raw == null ? (field.getName() + ":" + field.getBody()).getBytes(StandardCharsets.UTF_8) : raw.toByteArray();
        int colon = 0;
        while (colon < bytes.length && bytes[colon] != ':') {
            colon++;
        }
        ByteArrayBuffer buffer = new ByteArrayBuffer(bytes, bytes.length, true);
        return RawFieldParser.DEFAULT.parseRawBody(buffer, new ParserCursor(Math.min(colon + 1, bytes.length), bytes.length));
    }
}
