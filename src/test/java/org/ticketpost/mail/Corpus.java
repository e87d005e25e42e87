package org.ticketpost.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The third-party test mails beside the checkout (../shared/corpus, see its README.md):
 * every file is one message, except mbox files and the expected results, licences and
 * readme files that some sources ship beside their messages.
 */
final class Corpus {

    /** The folder, unless -Dticketpost.corpus names another. */
    static final String DEFAULT_ROOT = "../shared/corpus";

    private static final Pattern NOT_A_MESSAGE = Pattern.compile(
            "(?i)readme.*|.*licen[cs]e.*|\\.gitattributes"
                    + "|.*\\.(yml|xml|out|json)"            // zammad and mime4j expected results, mimekit offsets
                    + "|.*_decoded_[0-9_]+\\.(txt|bin)"     // mime4j decoded parts
                    + "|.*-summary\\.txt"                   // mimekit mbox summaries
                    + "|.*_reply_text");                    // talon expected replies
    private static final Pattern MBOX = Pattern.compile("mbox\\.rlug|.*\\.mbox\\.txt");

    private final Path root;

    private Corpus(Path root) {
        this.root = root;
    }

    static Optional<Corpus> find() {
        Path root = Path.of(System.getProperty("ticketpost.corpus", DEFAULT_ROOT));
        return Files.isDirectory(root) ? Optional.of(new Corpus(root)) : Optional.empty();
    }

    Path root() {
        return root;
    }

    /** Every message, mbox files split, in a stable order. */
    List<CorpusMessage> messages() throws IOException {
        List<CorpusMessage> messages = new ArrayList<>();
        for (Path file : files()) {
            String name = root.relativize(file).toString().replace('\\', '/');
            String source = name.substring(0, name.indexOf('/'));
            byte[] bytes = Files.readAllBytes(file);
            if (isMbox(file)) {
                List<byte[]> split = Mbox.split(bytes);
                for (int i = 0; i < split.size(); i++) {
                    messages.add(new CorpusMessage(source, name + "#" + (i + 1), file, i, split.get(i)));
                }
            } else {
                messages.add(new CorpusMessage(source, name, file, -1, bytes));
            }
        }
        return messages;
    }

    /** The message files, mbox files counted once. */
    List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> !NOT_A_MESSAGE.matcher(file.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        }
    }

    static boolean isMbox(Path file) {
        return MBOX.matcher(file.getFileName().toString()).matches();
    }
}
