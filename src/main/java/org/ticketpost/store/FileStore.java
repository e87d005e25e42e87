package org.ticketpost.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.io.IOUtils;
import org.ticketpost.intake.AttachmentSink;
import org.ticketpost.intake.ContentStore;
import org.ticketpost.intake.StoredContent;

/**
 * Files by content: each under its SHA-256 (ab/abcd…), written to a temporary file
 * beside it and renamed into place, so a reader never sees half a file and the same
 * content is kept once however often it comes. Content is held in memory while it is
 * small and goes to a temporary file once it is large, so that a mail costs few file
 * system operations and a 50 MB attachment no more memory than a small one. A file is on
 * disk, under its name, when keeping it returns, that is before the database commit that
 * names it: after a power loss a stored mail's files are there.
 */
public final class FileStore implements ContentStore {

    /** Content up to this size waits in memory for its digest; larger content waits in a file. */
    private static final int IN_MEMORY = 1024 * 1024;
    private static final int BUFFER = 64 * 1024;

    private final Path folder;
    private final Path incoming;
    private final long maxAttachmentSize;
    private final DiskSync disk;
    private final Set<Path> knownFolders = ConcurrentHashMap.newKeySet();

    public FileStore(Path folder, long maxAttachmentSize) {
        this(folder, maxAttachmentSize, DiskSync.FSYNC);
    }

    FileStore(Path folder, long maxAttachmentSize, DiskSync disk) {
        this.folder = folder;
        this.incoming = folder.resolve("incoming");
        this.maxAttachmentSize = maxAttachmentSize;
        this.disk = disk;
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
    public Spool spool() {
        Pending pending = new Pending();
        return new Spool() {
            @Override
            public OutputStream output() {
                return pending;
            }

            @Override
            public void keep(String sha256) throws IOException {
                pending.keepAs(sha256);
            }

            @Override
            public void close() throws IOException {
                pending.discard();
            }
        };
    }

    private StoredContent storeAttachment(InputStream content) throws IOException {
        MessageDigest sha256 = sha256();
        Pending pending = new Pending();
        try {
            // one byte past the limit tells a file that is too large; the rest of it is only counted
            long size = IOUtils.copyLarge(content, new DigestOutputStream(pending, sha256), 0, maxAttachmentSize + 1,
                    new byte[BUFFER]);
            size += IOUtils.skip(content, Long.MAX_VALUE);
            if (size > maxAttachmentSize) {
                return StoredContent.tooLarge(size, maxAttachmentSize);   // listed with its size, not kept
            }
            String digest = HexFormat.of().formatHex(sha256.digest());
            pending.keepAs(digest);
            return StoredContent.kept(size, digest);
        } finally {
            pending.discard();
        }
    }

    private Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 digest: " + sha256);
        }
        // one level of 256 folders: a new folder per file, as with two levels, costs more than it saves
        return folder.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /**
     * Creating a folder that exists costs a system call each time; a folder once made is
     * remembered. Its name, and the store's own, are forced to disk with it.
     */
    private Path folderFor(Path file) throws IOException {
        Path parent = file.getParent();
        if (!knownFolders.contains(parent)) {
            Files.createDirectories(parent);
            disk.folder(folder);
            Path above = folder.toAbsolutePath().getParent();
            if (above != null) {
                disk.folder(above);
            }
            knownFolders.add(parent);
        }
        return parent;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("no SHA-256 in this Java", e));
        }
    }

    /** Bytes on their way into the store. */
    private final class Pending extends OutputStream {
        private final ByteArrayOutputStream memory = new ByteArrayOutputStream(8192);
        private Path file;
        private OutputStream fileOutput;
        private boolean done;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (file == null && memory.size() + length <= IN_MEMORY) {
                memory.write(bytes, offset, length);
                return;
            }
            if (file == null) {
                file = Files.createTempFile(folderFor(incoming.resolve("part")), "part-", ".tmp");
                fileOutput = Files.newOutputStream(file);
                memory.writeTo(fileOutput);
                memory.reset();
            }
            fileOutput.write(bytes, offset, length);
        }

        /** Puts the content in place under its digest, unless the same content is there already. */
        void keepAs(String sha256) throws IOException {
            Path target = pathOf(sha256);
            if (fileOutput != null) {
                fileOutput.close();
            }
            Path targetFolder = folderFor(target);
            if (!Files.exists(target)) {
                if (file == null) {
                    // held as the pending file at once, so that discard() removes it when the write fails (a full disk)
                    file = Files.createTempFile(targetFolder, "." + sha256.substring(0, 8), ".tmp");
                    Files.write(file, memory.toByteArray());
                }
                // the bytes before the name: a name that survives a power loss never leads to half a file
                disk.file(file);
                try {
                    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
                file = null;
            }
            // also when the file was there: another process may have renamed it in and not yet forced the name
            disk.folder(targetFolder);
            done = true;
            discard();
        }

        /** Removes the temporary file, also when closing it fails. */
        void discard() throws IOException {
            try {
                if (fileOutput != null) {
                    fileOutput.close();
                }
            } finally {
                if (file != null) {
                    Files.deleteIfExists(file);
                    file = null;
                }
                if (!done) {
                    memory.reset();
                }
            }
        }
    }
}
