package org.ticketpost.testing;

import java.nio.file.Path;
import org.ticketpost.config.SupportTemplateFile;
import org.ticketpost.config.Folder;
import org.ticketpost.form.SupportTemplate;

/** The project's own templates/ folder, as Ticketpost reads it. */
public final class Templates {

    public static final Path FOLDER = Path.of("templates");

    private static SupportTemplate standard;

    private Templates() {
    }

    public static synchronized SupportTemplate standard() {
        if (standard == null) {
            standard = SupportTemplateFile.load(Folder.templates(FOLDER));
        }
        return standard;
    }
}
