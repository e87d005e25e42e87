package org.ticketpost.lmtp;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A mail as it comes in over LMTP, kept until it has come whole and been delivered: in memory up
 * to 1 MB, beyond that in a file of the spool folder. Nothing of it is delivered before its last
 * line has come, so a connection that breaks off in the middle stores nothing. Writing never
 * throws: a failure (a full disk) is kept, so that the rest of the mail is still read off the
 * connection and the client is told to try again later.
 */
final class DataSpool implements AutoCloseable {

    private static final int IN_MEMORY = 1024 * 1024;

    private final Path folder;
    private final ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream fileOutput;
    private IOException failure;

    DataSpool(Path folder) {
        this.folder = folder;
    }

    OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                keep(bytes, offset, length);
            }
        };
    }

    /** Why the mail could not be kept whole, if it could not. */
    Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * The mail as it was written; it may be read more than once.
     *
     * @throws IOException the file's last bytes could not be written, or it cannot be read: every
     *                     later call throws too, so that a mail cut short is never read as whole
     */
    InputStream open() throws IOException {
        if (file == null) {
            return new ByteArrayInputStream(memory.toByteArray());
        }
        if (fileOutput != null) {
            OutputStream last = fileOutput;
            fileOutput = null;
            try {
                last.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return Files.newInputStream(file);
    }

    /** Forgets the mail: its file, if it has one, is removed. */
    @Override
    public void close() throws IOException {
        try {
            if (fileOutput != null) {
                fileOutput.close();
            }
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void keep(byte[] bytes, int offset, int length) {
        if (failure != null) {
            return;
        }
        try {
            if (file == null && memory.size() + length <= IN_MEMORY) {
                memory.write(bytes, offset, length);
                return;
            }
            if (file == null) {
                Files.createDirectories(folder);
                file = Files.createTempFile(folder, "lmtp-", ".tmp");
                fileOutput = new BufferedOutputStream(Files.newOutputStream(file));
                memory.writeTo(fileOutput);
                memory.reset();
            }
            fileOutput.write(bytes, offset, length);
        } catch (IOException e) {
            failure = e;
        }
    }
}
