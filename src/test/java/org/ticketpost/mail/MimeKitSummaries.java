package org.ticketpost.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MimeKit's X-summary.txt beside X.mbox.txt: per message From, Subject, Date and the
 * MIME tree (three spaces of indent per level). The tree names no dispositions, so of
 * the attachments only the content types of those that are not text are compared.
 */
final class MimeKitSummaries implements ExpectedResults {

    private static final Pattern ADDRESS = Pattern.compile("<([^<>]+@[^<>]+)>|([^\\s<>\",]+@[^\\s<>\",]+)");
    private static final Pattern TREE_LINE = Pattern.compile("( *)Content-Type: *([^;\\s]+).*");

    @Override
    public Optional<Expected> of(CorpusMessage message) throws IOException {
        String file = message.file().getFileName().toString();
        Path summary = message.file().resolveSibling(file.replace(".mbox.txt", "-summary.txt"));
        if (!message.source().equals("mimekit") || !message.isFromMbox() || !Files.isRegularFile(summary)) {
            return Optional.empty();
        }
        List<List<String>> blocks = blocks(Files.readAllLines(summary, StandardCharsets.UTF_8));
        if (message.index() >= blocks.size()) {
            return Optional.empty();
        }
        return Optional.of(expected(blocks.get(message.index())));
    }

    /** How many messages the summary lists for an mbox file. */
    static int count(Path mbox) throws IOException {
        Path summary = mbox.resolveSibling(mbox.getFileName().toString().replace(".mbox.txt", "-summary.txt"));
        return Files.isRegularFile(summary) ? blocks(Files.readAllLines(summary, StandardCharsets.UTF_8)).size() : -1;
    }

    private static Expected expected(List<String> block) {
        Expected expected = Expected.NOTHING;
        List<String> tree = new ArrayList<>();
        for (String line : block) {
            if (line.startsWith("Subject: ")) {
                expected = expected.withSubject(line.substring("Subject: ".length()));
            } else if (line.startsWith("From: ")) {
                Matcher address = ADDRESS.matcher(line.substring("From: ".length()));
                if (address.find()) {
                    String found = address.group(1) != null ? address.group(1) : address.group(2);
                    expected = expected.withFrom(found.toLowerCase(Locale.ROOT), null);
                }
            } else if (line.startsWith("Date: ")) {
                expected = expected.withSentAt(date(line.substring("Date: ".length())).orElse(null));
            } else if (TREE_LINE.matcher(line).matches()) {
                tree.add(line);
            }
        }
        return expected.withAttachmentTypes(nonTextLeaves(tree));
    }

    /**
     * Leaves of the tree outside attached messages (an attached message is one leaf; a message
     * that is nothing but a wrapped message is read through), except text/plain and text/html.
     */
    private static List<String> nonTextLeaves(List<String> tree) {
        List<String> types = new ArrayList<>();
        int skipDeeperThan = Integer.MAX_VALUE;
        for (int i = 0; i < tree.size(); i++) {
            Matcher line = TREE_LINE.matcher(tree.get(i));
            line.matches();
            int depth = line.group(1).length();
            if (depth > skipDeeperThan) {
                continue;
            }
            skipDeeperThan = Integer.MAX_VALUE;
            String type = line.group(2).toLowerCase(Locale.ROOT);
            Matcher next = i + 1 < tree.size() ? TREE_LINE.matcher(tree.get(i + 1)) : null;
            boolean leaf = next == null || !next.matches() || next.group(1).length() <= depth;
            if (type.equals("message/rfc822") && depth > 0) {
                types.add(type);
                skipDeeperThan = depth;
            } else if (leaf && !type.startsWith("multipart/") && !type.equals("text/plain")
                    && !type.equals("text/html")) {
                types.add(type);
            }
        }
        return types;
    }

    private static Optional<Instant> date(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The summary's blocks: each starts with an mbox "From " line. */
    private static List<List<String>> blocks(List<String> lines) {
        List<List<String>> blocks = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("From ")) {
                blocks.add(new ArrayList<>());
            } else if (!blocks.isEmpty() && !line.isBlank()) {
                blocks.get(blocks.size() - 1).add(line);
            }
        }
        return blocks;
    }
}
