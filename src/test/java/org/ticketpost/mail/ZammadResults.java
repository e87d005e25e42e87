package org.ticketpost.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Zammad's mailNNN.yml beside each mailNNN.box: from, subject, body (HTML when
 * content_type says so) and the attachments. Zammad also lists the HTML alternative
 * of a mail as "message.html"; that is the text, not an attachment, and is left out.
 * Zammad names unnamed attachments itself ("file", "image.jpg", the Content-Description,
 * the subject of an attached mail), without saying which names it made up.
 */
final class ZammadResults implements ExpectedResults {

    /** What Zammad shows for a mail without text. */
    private static final String NO_TEXT = "no visible content";

    @Override
    public Optional<Expected> of(CorpusMessage message) throws IOException {
        String file = message.file().getFileName().toString();
        Path yml = message.file().resolveSibling(file.replaceFirst("\\.[^.]+$", "") + ".yml");
        if (!message.source().equals("zammad") || message.isFromMbox() || !Files.isRegularFile(yml)) {
            return Optional.empty();
        }
        Map<String, Object> expected = load(yml);
        String body = text(expected.get("body")).strip().equals(NO_TEXT) ? "" : text(expected.get("body"));
        boolean html = "text/html".equals(expected.get("content_type"));
        return Optional.of(Expected.NOTHING
                .withSubject(text(expected.get("subject")))
                .withFrom(text(expected.get("from_email")).toLowerCase(Locale.ROOT),
                        text(expected.get("from_display_name")))
                .withBody(html ? HtmlText.of(body) : body, true)
                .withAttachmentsNamedBySource(attachmentNames(expected)));
    }

    private static List<String> attachmentNames(Map<String, Object> expected) {
        return attachments(expected).stream().map(attachment -> text(attachment.get("filename"))).toList();
    }

    /** Attachments proper: without the HTML alternative Zammad keeps as "message.html". */
    private static List<Map<String, Object>> attachments(Map<String, Object> expected) {
        List<Map<String, Object>> attachments = new ArrayList<>();
        Object list = expected.get("attachments");
        if (list instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> attachment && !preferences(attachment).containsKey("content-alternative")) {
                    attachments.add(cast(attachment));
                }
            }
        }
        return attachments;
    }

    private static Map<?, ?> preferences(Map<?, ?> attachment) {
        return attachment.get("preferences") instanceof Map<?, ?> preferences ? preferences : Map.of();
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? "" : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static Map<String, Object> load(Path yml) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        Yaml yaml = new Yaml(new RubyTags(options), new Representer(new DumperOptions()), new DumperOptions(), options);
        Object loaded = yaml.load(Files.readString(yml, StandardCharsets.UTF_8));
        return loaded instanceof Map<?, ?> map ? cast(map) : Map.of();
    }

    /** Reads Ruby's local tags (!ruby/hash:..., !binary) as the plain YAML they tag. */
    private static final class RubyTags extends SafeConstructor {
        RubyTags(LoaderOptions options) {
            super(options);
        }

        @Override
        protected Construct getConstructor(Node node) {
            String tag = node.getTag().getValue();
            if (tag.equals("!binary")) {
                node.setTag(Tag.BINARY);
            } else if (tag.startsWith("!")) {
                node.setTag(node instanceof MappingNode ? Tag.MAP : node instanceof SequenceNode ? Tag.SEQ : Tag.STR);
            }
            return super.getConstructor(node);
        }
    }
}
