package org.ticketpost.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Forces what was written to a file, or to a folder's list of names, from the operating
 * system's cache to the disk, so that it survives a power loss or a crash of the system.
 */
interface DiskSync {

    /** fsync, as Linux and other POSIX systems offer it for files and folders alike. */
    DiskSync FSYNC = new DiskSync() {
        @Override
        public void file(Path file) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        }

        @Override
        public void folder(Path folder) throws IOException {
            // Java cannot open a folder on Windows: there the names are left to the file system
            if (!WINDOWS) {
                try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
                    channel.force(true);
                }
            }
        }
    };

    boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    /** The file's content and size on disk. */
    void file(Path file) throws IOException;

    /** The names in the folder on disk: a file renamed into it, a folder created in it. */
    void folder(Path folder) throws IOException;
}
