package org.ticketpost.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.dom.field.ContentDispositionField;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.field.ContentDispositionFieldLenientImpl;
import org.apache.james.mime4j.field.ContentTypeFieldLenientImpl;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.stream.RawField;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * mime4j's X_decoded.xml beside each X.msg: the part tree with its header fields, and
 * each leaf's decoded content in X_decoded_&lt;path&gt;.txt or .bin. From it: the
 * subject, the sender, the first text a person would read (ours must contain it) and
 * the attachments, read with mime4j's own field parsers.
 */
final class Mime4jResults implements ExpectedResults {

    @Override
    public Optional<Expected> of(CorpusMessage message) throws IOException {
        String file = message.file().getFileName().toString();
        Path xml = message.file().resolveSibling(file.replaceFirst("\\.msg$", "") + "_decoded.xml");
        if (!message.source().equals("james-mime4j") || !file.endsWith(".msg") || !Files.isRegularFile(xml)) {
            return Optional.empty();
        }
        Element root = parse(xml).getDocumentElement();
        Tree tree = new Tree(xml.getParent());
        tree.walk(root, false);
        Expected expected = Expected.NOTHING
                .withAttachments(tree.attachmentNames, tree.unnamedAttachments);
        Optional<String> subject = field(root, "subject");
        if (subject.isPresent()) {
            expected = expected.withSubject(DecoderUtil.decodeEncodedWords(subject.get(), DecodeMonitor.SILENT));
        }
        Optional<Mailbox> from = field(root, "from").flatMap(Mime4jResults::firstMailbox);
        if (from.isPresent()) {
            expected = expected.withFrom(from.get().getAddress().toLowerCase(Locale.ROOT), null);
        }
        if (tree.firstText != null && !tree.firstText.isBlank()) {
            expected = expected.withBody(tree.firstText, false);
        }
        return Optional.of(expected);
    }

    /** Walks the parts as Ticketpost sees them: an attached message is one attachment, not taken apart. */
    private static final class Tree {
        private final Path folder;
        final List<String> attachmentNames = new ArrayList<>();
        int unnamedAttachments;
        String firstPlain;
        String firstHtml;
        String firstText;

        Tree(Path folder) {
            this.folder = folder;
        }

        void walk(Element entity, boolean isPart) throws IOException {
            Optional<ContentTypeField> type = field(entity, "content-type").map(Mime4jResults::contentType);
            Optional<ContentDispositionField> disposition = field(entity, "content-disposition").map(Mime4jResults::disposition);
            String mimeType = type.map(ContentTypeField::getMimeType).orElse("text/plain").toLowerCase(Locale.ROOT);
            Optional<String> name = disposition.map(ContentDispositionField::getFilename)
                    .or(() -> type.map(field -> field.getParameter("name")))
                    .filter(value -> !value.isBlank())
                    .map(value -> DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT));   // as mail programs write them
            Element content = contentOf(entity);
            if (content == null) {
                return;
            }
            switch (content.getTagName()) {
                case "multipart" -> {
                    for (Element part : children(content, "body-part")) {
                        walk(part, true);
                    }
                }
                case "message" -> {
                    if (isPart) {
                        attach(name);   // an attached mail is one attachment
                    } else {
                        walk(content, false);
                    }
                }
                default -> leaf(content, mimeType, name, disposition.map(ContentDispositionField::getDispositionType).orElse(""),
                        type.map(field -> field.getParameter("charset")).orElse(null));
            }
            if (!isPart) {
                firstText = firstPlain != null ? firstPlain : firstHtml == null ? null : HtmlText.of(firstHtml);
            }
        }

        private void leaf(Element body, String mimeType, Optional<String> name, String dispositionType, String charset)
                throws IOException {
            boolean readable = mimeType.equals("text/plain") || mimeType.equals("text/html");
            if (!readable || name.isPresent() || dispositionType.equalsIgnoreCase("attachment")) {
                attach(name);
                return;
            }
            Path decoded = folder.resolve(body.getAttribute("name"));
            if (!Files.isRegularFile(decoded)) {
                return;
            }
            byte[] bytes = Files.readAllBytes(decoded);
            String text = TextDecoding.decode(bytes, bytes.length, charset);
            if (mimeType.equals("text/plain") && firstPlain == null && !text.isBlank()) {
                firstPlain = text;
            } else if (mimeType.equals("text/html") && firstHtml == null && !text.isBlank()) {
                firstHtml = text;
            }
        }

        private void attach(Optional<String> name) {
            if (name.isPresent()) {
                String given = name.get();
                attachmentNames.add(given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1).strip());
            } else {
                unnamedAttachments++;
            }
        }
    }

    private static Optional<Mailbox> firstMailbox(String value) {
        MailboxList mailboxes = LenientAddressParser.DEFAULT.parseAddressList(value).flatten();
        return mailboxes.isEmpty() ? Optional.empty() : Optional.of(mailboxes.get(0));
    }

    private static ContentTypeField contentType(String value) {
        return ContentTypeFieldLenientImpl.PARSER.parse(new RawField("Content-Type", value), DecodeMonitor.SILENT);
    }

    private static ContentDispositionField disposition(String value) {
        return ContentDispositionFieldLenientImpl.PARSER.parse(new RawField("Content-Disposition", value), DecodeMonitor.SILENT);
    }

    /** The first header field of that name of an entity (message or body-part), unfolded. */
    private static Optional<String> field(Element entity, String name) {
        for (Element header : children(entity, "header")) {
            for (Element field : children(header, "field")) {
                String raw = field.getTextContent().strip();
                int colon = raw.indexOf(':');
                if (colon > 0 && raw.substring(0, colon).strip().equalsIgnoreCase(name)) {
                    return Optional.of(raw.substring(colon + 1).replaceAll("\r?\n(?=[ \t])", "").strip());
                }
            }
        }
        return Optional.empty();
    }

    /** What follows an entity's header: multipart, message, text-body or binary-body. */
    private static Element contentOf(Element entity) {
        for (Node node = entity.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && !element.getTagName().equals("header")) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                children.add(element);
            }
        }
        return children;
    }

    private static Document parse(Path xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(xml.toFile());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read " + xml + ": " + e.getMessage(), e);
        }
    }
}
