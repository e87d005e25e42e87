package org.ticketpost.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.ticketpost.intake.AttachmentSink;
import org.ticketpost.intake.ContentStore;
import org.ticketpost.intake.StoredContent;

/**
 * Files by content: each under its SHA-256 (ab/cd/abcd…), written to a temporary file
 * first and moved into place, so a reader never sees half a file and the same content
 * is kept once however often it comes.
 */
public final class FileStore implements ContentStore {

    private static final int BUFFER = 64 * 1024;

    private final Path folder;
    private final Path incoming;
    private final long maxAttachmentSize;

    public FileStore(Path folder, long maxAttachmentSize) {
        this.folder = folder;
        this.incoming = folder.resolve("incoming");
        this.maxAttachmentSize = maxAttachmentSize;
    }

    /** Where the content with this digest is, if it was kept. */
    public Optional<Path> find(String sha256) {
        Path path = pathOf(sha256);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    @Override
    public AttachmentSink attachments() {
        return this::storeAttachment;
    }

    @Override
    public Spool spool() throws IOException {
        Path temporary = newTemporaryFile();
        OutputStream out = Files.newOutputStream(temporary);
        return new Spool() {
            private boolean kept;

            @Override
            public OutputStream output() {
                return out;
            }

            @Override
            public void keep(String sha256) throws IOException {
                out.close();
                moveIntoPlace(temporary, sha256);
                kept = true;
            }

            @Override
            public void close() throws IOException {
                out.close();
                if (!kept) {
                    Files.deleteIfExists(temporary);
                }
            }
        };
    }

    private StoredContent storeAttachment(InputStream content) throws IOException {
        MessageDigest sha256 = sha256();
        Path temporary = newTemporaryFile();
        long size = 0;
        try {
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha256)) {
                byte[] buffer = new byte[BUFFER];
                for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                    size += n;
                    if (size <= maxAttachmentSize) {
                        out.write(buffer, 0, n);
                    }
                }
            }
            if (size > maxAttachmentSize) {
                return StoredContent.counted(size);   // listed with its size, not kept
            }
            String digest = HexFormat.of().formatHex(sha256.digest());
            moveIntoPlace(temporary, digest);
            return new StoredContent(size, Optional.of(digest), true);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void moveIntoPlace(Path temporary, String sha256) throws IOException {
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            Files.delete(temporary);   // the same content is already there
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temporary);   // another process stored it at the same moment
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path newTemporaryFile() throws IOException {
        Files.createDirectories(incoming);
        return Files.createTempFile(incoming, "part-", ".tmp");
    }

    private Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 digest: " + sha256);
        }
        return folder.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("no SHA-256 in this Java", e));
        }
    }
}
