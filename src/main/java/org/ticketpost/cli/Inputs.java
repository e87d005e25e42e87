package org.ticketpost.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The mails that the command line names: a file of one mail, an mbox file of several (each named
 * file.mbox#3), a Maildir (the mails in its new/ and cur/; tmp/ holds mails still being written),
 * or a folder of such files.
 */
final class Inputs {

    /** One mail to read, named as the output names it. */
    interface Input {
        String name();

        InputStream open() throws IOException;
    }

    /** A path that names no mail: it does not exist, or holds nothing to read. */
    static final class NoMailException extends Exception {
        private final int exitCode;

        NoMailException(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    private Inputs() {
    }

    static List<Input> of(List<Path> paths) throws NoMailException, IOException {
        List<Input> inputs = new ArrayList<>();
        for (Path path : paths) {
            List<Input> found = new ArrayList<>();
            if (Files.isDirectory(path)) {
                boolean maildir = Files.isDirectory(path.resolve("cur")) && Files.isDirectory(path.resolve("new"));
                for (Path folder : maildir ? List.of(path.resolve("new"), path.resolve("cur")) : List.of(path)) {
                    for (Path file : files(folder)) {
                        found.addAll(mails(file));
                    }
                }
                if (found.isEmpty()) {
                    throw new NoMailException(path + ": no mail in this folder" + (maildir ? " (a Maildir: new/ and cur/ are empty)"
                            : " (no files; a Maildir has cur/ and new/)"), ExitCodes.NO_INPUT);
                }
            } else if (Files.isRegularFile(path)) {
                found.addAll(mails(path));
            } else {
                throw new NoMailException(path + ": no such file or folder", ExitCodes.NO_INPUT);
            }
            inputs.addAll(found);
        }
        return inputs;
    }

    /** The files of a folder in name order, without hidden ones (.DS_Store, a Maildir's .subfolders). */
    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> inside = Files.list(folder)) {
            return inside.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    /** The mails in a file; one that cannot be read is one input, which says so when it is read. */
    private static List<Input> mails(Path file) {
        List<MboxFile.Span> spans;
        try {
            if (!MboxFile.isMbox(file)) {
                return List.of(new FileInput(file));
            }
            spans = MboxFile.mails(file);
        } catch (IOException e) {
            return List.of(new FileInput(file));
        }
        List<Input> mails = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            mails.add(new MboxInput(file, i + 1, spans.get(i)));
        }
        return mails;
    }

    private record FileInput(Path file) implements Input {
        @Override
        public String name() {
            return file.toString();
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }
    }

    private record MboxInput(Path file, int number, MboxFile.Span span) implements Input {
        @Override
        public String name() {
            return file + "#" + number;
        }

        @Override
        public InputStream open() throws IOException {
            return MboxFile.open(file, span);
        }
    }
}
