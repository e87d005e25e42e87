package org.ticketpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ticketpost.intake.ContentStore;
import org.ticketpost.intake.StoredContent;

class FileStoreTest {

    @TempDir
    Path folder;

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private long files() throws Exception {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void keepsAnAttachmentUnderItsDigestOnceHoweverOftenItComes() throws Exception {
        FileStore store = new FileStore(folder, 1024 * 1024);
        byte[] log = "2026-11-16 09:12:10 WARN CAL-4042".getBytes(StandardCharsets.UTF_8);

        StoredContent first = store.attachments().accept(new ByteArrayInputStream(log));
        StoredContent second = store.attachments().accept(new ByteArrayInputStream(log));

        assertThat(first).isEqualTo(second);
        assertThat(first.sha256()).contains(sha256(log));
        assertThat(first.size()).isEqualTo(log.length);
        assertThat(store.find(sha256(log))).get().satisfies(path -> assertThat(path).hasBinaryContent(log));
        assertThat(files()).isEqualTo(1);
    }

    @Test
    void anAttachmentOverTheLimitIsCountedButNotKept() throws Exception {
        FileStore store = new FileStore(folder, 1000);
        byte[] large = new byte[5000];

        StoredContent stored = store.attachments().accept(new ByteArrayInputStream(large));

        assertThat(stored.kept()).isFalse();
        assertThat(stored.size()).isEqualTo(5000);
        assertThat(files()).isZero();
    }

    @Test
    void largeContentGoesThroughATemporaryFileThatDoesNotStay() throws Exception {
        FileStore store = new FileStore(folder, 64L * 1024 * 1024);
        byte[] large = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(large);

        StoredContent stored = store.attachments().accept(new ByteArrayInputStream(large));

        assertThat(store.find(sha256(large))).get().satisfies(path -> assertThat(Files.size(path)).isEqualTo(large.length));
        assertThat(stored.kept()).isTrue();
        assertThat(files()).isEqualTo(1);
    }

    @Test
    void aSpoolThatIsNotKeptLeavesNothing() throws Exception {
        FileStore store = new FileStore(folder, 1024);
        byte[] mail = new byte[2 * 1024 * 1024];

        try (ContentStore.Spool spool = store.spool()) {
            spool.output().write(mail);
        }

        assertThat(files()).isZero();
    }

    @Test
    void aKeptSpoolIsFoundByItsDigest() throws Exception {
        FileStore store = new FileStore(folder, 1024);
        byte[] mail = "From: jane@example.com\r\n\r\nHello\r\n".getBytes(StandardCharsets.US_ASCII);

        try (ContentStore.Spool spool = store.spool()) {
            spool.output().write(mail);
            spool.keep(sha256(mail));
        }

        assertThat(store.find(sha256(mail))).get().satisfies(path -> assertThat(path).hasBinaryContent(mail));
        assertThat(files()).isEqualTo(1);
    }

    /** What the store forced to disk, in order, and what a forced folder held at that moment. */
    private final List<String> forced = new ArrayList<>();

    private final DiskSync recordingDisk = new DiskSync() {
        @Override
        public void file(Path file) throws IOException {
            forced.add("file of " + Files.size(file) + " bytes");
        }

        @Override
        public void folder(Path forcedFolder) throws IOException {
            try (Stream<Path> names = Files.list(forcedFolder)) {
                forced.add("folder " + folder.relativize(forcedFolder) + " holding "
                        + names.map(name -> name.getFileName().toString()).sorted().toList());
            }
        }
    };

    @ParameterizedTest
    @ValueSource(ints = {2_000, 3 * 1024 * 1024})
    void aKeptMailIsOnDiskUnderItsNameWhenKeepingReturnsSmallOrLarge(int size) throws Exception {
        FileStore store = new FileStore(folder, 1024, recordingDisk);
        byte[] mail = new byte[size];
        new Random(size).nextBytes(mail);
        String digest = sha256(mail);

        try (ContentStore.Spool spool = store.spool()) {
            spool.output().write(mail);
            spool.keep(digest);
            assertThat(forced).containsSubsequence("file of " + size + " bytes",
                    "folder " + digest.substring(0, 2) + " holding [" + digest + "]");
        }
    }

    @Test
    void anAttachmentIsOnDiskUnderItsNameWhenKeepingReturnsAndItsNameAgainWhenItComesAgain() throws Exception {
        FileStore store = new FileStore(folder, 1024 * 1024, recordingDisk);
        byte[] log = "2026-11-16 09:12:10 WARN CAL-4042".getBytes(StandardCharsets.UTF_8);
        String digest = sha256(log);

        store.attachments().accept(new ByteArrayInputStream(log));
        assertThat(forced).containsSubsequence("folder  holding [" + digest.substring(0, 2) + "]",
                "file of " + log.length + " bytes", "folder " + digest.substring(0, 2) + " holding [" + digest + "]");

        forced.clear();
        store.attachments().accept(new ByteArrayInputStream(log));
        assertThat(forced).containsExactly("folder " + digest.substring(0, 2) + " holding [" + digest + "]");
    }
}
