package org.ticketpost;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.ticketpost.cli.CheckCommand;
import org.ticketpost.config.ConfigException;
import org.ticketpost.config.Settings;
import org.ticketpost.config.SupportTemplateFile;
import org.ticketpost.config.TemplateFolder;
import org.ticketpost.form.FormCheck;
import org.ticketpost.form.FormReader;
import org.ticketpost.form.SupportTemplate;
import org.ticketpost.intake.RequestCheck;
import org.ticketpost.mail.MimeDecoder;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The composition root: reads the configuration, builds every object by hand and hands over to picocli. */
@Command(name = "ticketpost", mixinStandardHelpOptions = true, versionProvider = Ticketpost.Version.class,
        description = "E-mail support-ticket intake: support mails in, tickets with SLA timers out.")
public final class Ticketpost implements Runnable {

    /** EX_CONFIG of sysexits.h: a mail system retries later, so nothing is lost while the operator mends it. */
    static final int CONFIG_ERROR = 78;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        CommandLine commandLine;
        try {
            commandLine = commandLine(env);
        } catch (ConfigException e) {
            err.println("ticketpost: " + e.getMessage());
            return CONFIG_ERROR;
        }
        commandLine.setOut(out).setErr(err);
        return commandLine.execute(args);
    }

    static CommandLine commandLine(Map<String, String> env) {
        Path configFolder = Path.of(env.getOrDefault("TICKETPOST_CONFIG_DIR", "config"));
        Settings settings = Settings.load(configFolder, env);
        TemplateFolder templates = new TemplateFolder(Path.of(settings.text("templates.dir", "templates")));
        settings.failOnProblems();

        SupportTemplate template = SupportTemplateFile.load(templates);
        RequestCheck requests = new RequestCheck(new FormReader(template), new FormCheck(template));
        MimeDecoder parser = new MimeDecoder();

        CommandLine commandLine = new CommandLine(new Ticketpost());
        commandLine.addSubcommand(new CheckCommand(parser, requests, template));
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("ticketpost: " + e.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties version = new Properties();
            try (InputStream in = Ticketpost.class.getResourceAsStream("/ticketpost-version.properties")) {
                if (in != null) {
                    version.load(in);
                }
            }
            return new String[] {"ticketpost " + version.getProperty("version", "unknown")};
        }
    }
}
